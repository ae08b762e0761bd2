import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api/client';
import type { Me } from '../../shared/api/types';
import { useFormErrors } from '../../shared/api/use-form-errors';
import { useSession } from '../../shared/session/session-context';
import { waitText } from '../security/format-account';
import { retryAfterOf } from '../security/security.api';
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
  // Seconds the server asks to wait after too many failed attempts (progressive backoff).
  const [waitSeconds, setWaitSeconds] = useState<number | null>(null);
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
      setWaitSeconds(null);
      acceptMe(me);
      void navigate(safeNext(params.get('next')), { replace: true }); // the app has no route loaders: nothing to wait for
    } catch (error) {
      const wait = retryAfterOf(error);
      setWaitSeconds(wait);
      if (wait === null) errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.signInTitle')} subtitle={t('auth.signInSubtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {params.get('reset') === '1' ? (
            <Alert color="teal" role="status">
              {t('passwordReset.done')}
            </Alert>
          ) : null}
          {waitSeconds !== null ? (
            <Alert color="orange" role="alert">
              {t('passwordReset.tryAgainIn', { time: waitText(waitSeconds, t) })}
            </Alert>
          ) : null}
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
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('passwordReset.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" loading={isBusy} fullWidth mt="xs">
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
