import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import type { Locale, Me } from '../api/types';
import { applyLocale, initialLocale, storeLocale, takeLocaleChosenBeforeSignIn } from '../i18n';

export type SessionStatus = 'loading' | 'setup' | 'anonymous' | 'signedIn' | 'offline';

interface SessionValue {
  status: SessionStatus;
  me: Me | null;
  /** Takes the answer of POST /auth/login or GET /auth/me as the current session. */
  acceptMe: (me: Me) => void;
  /** Reads GET /auth/me again, e.g. after the organization settings changed. */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  /** Stores the person's language choice (server and this browser) and applies it. */
  chooseLocale: (locale: Locale) => Promise<void>;
  /** Called after the first-run setup has made the first organization. */
  finishSetup: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);

  const acceptMe = useCallback((value: Me) => {
    setCsrfToken(value.csrfToken);
    // A language picked on the sign-in page is the person's choice when their account has none yet.
    const chosen = value.user.locale ? null : takeLocaleChosenBeforeSignIn();
    const locale = value.user.locale ?? chosen;
    setMe(chosen ? { ...value, user: { ...value.user, locale: chosen } } : value);
    setStatus('signedIn');
    if (chosen) api.patch('/api/v1/auth/me', { locale: chosen }).catch(() => undefined);
    if (locale) {
      storeLocale(locale);
      applyLocale(locale);
    }
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
    setStatus('anonymous');
    applyLocale(initialLocale());
  }, []);

  const refresh = useCallback(async () => {
    const value = await api.get<Me>('/api/v1/auth/me');
    acceptMe(value);
  }, [acceptMe]);

  useEffect(() => {
    setUnauthenticatedHandler(forget);
    let cancelled = false;
    // Every failure is caught inside: the promise never rejects.
    void (async () => {
      try {
        const setup = await api.get<{ needed: boolean }>('/api/v1/setup');
        if (cancelled) return;
        if (setup.needed) return setStatus('setup');
        const value = await api.get<Me>('/api/v1/auth/me');
        if (!cancelled) acceptMe(value);
      } catch (error) {
        if (cancelled) return;
        if ((error as { status?: number }).status === 401) forget();
        else setStatus('offline');
      }
    })();
    return () => {
      cancelled = true;
      setUnauthenticatedHandler(null);
    };
  }, [acceptMe, forget]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } finally {
      forget();
    }
  }, [forget]);

  const chooseLocale = useCallback(async (locale: Locale) => {
    storeLocale(locale);
    applyLocale(locale);
    setMe((current) => (current ? { ...current, user: { ...current.user, locale } } : current));
    await api.patch('/api/v1/auth/me', { locale });
  }, []);

  const finishSetup = useCallback(() => setStatus('anonymous'), []);

  const value = useMemo(
    () => ({ status, me, acceptMe, refresh, signOut, chooseLocale, finishSetup }),
    [status, me, acceptMe, refresh, signOut, chooseLocale, finishSetup],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
