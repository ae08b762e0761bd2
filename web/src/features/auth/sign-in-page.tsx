import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api/client';
import type { Me } from '../../shared/api/types';
import { useFormErrors } from '../../shared/api/use-form-errors';
import { useSession } from '../../shared/session/session-context';
import { AuthCard } from './auth-card';
import { FullPageLoader } from './guards';

/** Only same-app paths are followed after sign-in, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { status, acceptMe } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['email', 'password']);

  if (status === 'loading') return <FullPageLoader />;
  if (status === 'setup') return <Navigate to="/setup" replace />;
  if (status === 'signedIn') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const me = await api.post<Me>('/api/v1/auth/login', { email, password }, { ignoreUnauthenticated: true });
      errors.clear();
      acceptMe(me);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.signInTitle')} subtitle={t('auth.signInSubtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              errors.clear('email');
            }}
            error={errors.errorOf('email')}
            data-autofocus
            autoFocus
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              errors.clear('password');
            }}
            error={errors.errorOf('password')}
          />
          <Button type="submit" loading={isBusy} fullWidth mt="xs">
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
