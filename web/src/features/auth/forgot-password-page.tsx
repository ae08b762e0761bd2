import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutationForm } from '../../shared/use-mutation-form';
import { securityApi } from '../security/security.api';
import { AuthCard } from './auth-card';

/** "Forgot password?": an e-mail, then the same answer whether or not an account has it. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useMutationForm(['email']);

  const submit = form.submitWith(async () => {
    await securityApi.requestReset(email);
    setSentTo(email.trim());
  });

  const back = (
    <Anchor component={Link} to="/sign-in" size="sm">
      {t('passwordReset.backToSignIn')}
    </Anchor>
  );

  if (sentTo !== null) {
    return (
      <AuthCard title={t('passwordReset.sentTitle')} subtitle={t('passwordReset.requestSubtitle')}>
        <Stack>
          <Alert color="teal" role="status">
            {t('passwordReset.sent', { email: sentTo })}
          </Alert>
          {back}
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('passwordReset.requestTitle')} subtitle={t('passwordReset.requestSubtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
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
            autoFocus
          />
          <Button type="submit" loading={form.isBusy} fullWidth>
            {t('passwordReset.send')}
          </Button>
          <Text ta="center">{back}</Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
