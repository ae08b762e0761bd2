import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormErrors } from '../../shared/api/use-form-errors';
import { securityApi } from '../security/security.api';
import { AuthCard } from './auth-card';

/** "Forgot password?": an e-mail, then the same answer whether or not an account has it. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['email']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await securityApi.requestReset(email);
      errors.clear();
      setSentTo(email.trim());
    } catch (error) {
      errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

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
              errors.clear('email');
            }}
            error={errors.errorOf('email')}
            autoFocus
          />
          <Button type="submit" loading={isBusy} fullWidth>
            {t('passwordReset.send')}
          </Button>
          <Text ta="center">{back}</Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
