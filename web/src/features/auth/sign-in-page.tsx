import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api/client';
import type { Me } from '../../shared/api/types';
import { useSession } from '../../shared/session/session-context';
import { useMutationForm } from '../../shared/use-mutation-form';
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
  // Seconds the server asks to wait after too many failed attempts (progressive backoff).
  const [waitSeconds, setWaitSeconds] = useState<number | null>(null);
  const form = useMutationForm(['email', 'password']);

  if (status === 'loading') return <FullPageLoader />;
  if (status === 'setup') return <Navigate to="/setup" replace />;
  if (status === 'signedIn') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = form.submitWith(
    async () => {
      const me = await api.post<Me>('/api/v1/auth/login', { email, password }, { ignoreUnauthenticated: true });
      setWaitSeconds(null);
      acceptMe(me);
      void navigate(safeNext(params.get('next')), { replace: true }); // the app has no route loaders: nothing to wait for
    },
    {
      // Too many attempts: the form counts down instead of showing an error.
      onError: (error) => {
        const wait = retryAfterOf(error);
        setWaitSeconds(wait);
        return wait === null ? error : null;
      },
    },
  );

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
              form.clear('email');
            }}
            error={form.errorOf('email')}
            data-autofocus
            autoFocus
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              form.clear('password');
            }}
            error={form.errorOf('password')}
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('passwordReset.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" loading={form.isBusy} fullWidth mt="xs">
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
