import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { useSession } from '../../shared/session/session-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { securityApi } from '../security/security.api';
import { AuthCard } from './auth-card';

function isBadLink(error: unknown): boolean {
  return error instanceof ApiError && error.fields.some((field) => field.path === 'token');
}

/** The page an e-mailed reset link opens: the new password twice; then everyone is signed out, and the person signs in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { status, signOut } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [badLink, setBadLink] = useState(token === '');
  const form = useMutationForm(['password']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    void form.run(
      async () => {
        await securityApi.confirmReset(token, password);
        // Every session of the person has ended, this browser's too if it had one.
        if (status === 'signedIn') await signOut().catch(() => undefined);
        void navigate('/sign-in?reset=1', { replace: true }); // the app has no route loaders: nothing to wait for
      },
      {
        onError: (error) => {
          if (!isBadLink(error)) return error;
          setBadLink(true);
          return null;
        },
      },
    );
  };

  if (badLink) {
    return (
      <AuthCard title={t('passwordReset.resetTitle')} subtitle={t('passwordReset.resetSubtitle')}>
        <Stack>
          <Alert color="red" role="alert">
            {t('passwordReset.badLink')}
          </Alert>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('passwordReset.askAgain')}
          </Anchor>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('passwordReset.resetTitle')} subtitle={t('passwordReset.resetSubtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput
            label={t('security.password.new')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setMismatch(false);
              form.clear('password');
            }}
            error={form.errorOf('password')}
            autoFocus
          />
          <PasswordInput
            label={t('security.password.confirm')}
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => {
              setConfirm(event.currentTarget.value);
              setMismatch(false);
            }}
            error={mismatch ? t('security.password.mismatch') : undefined}
          />
          <Button type="submit" loading={form.isBusy} fullWidth>
            {t('passwordReset.submit')}
          </Button>
          <Text ta="center">
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('passwordReset.backToSignIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
