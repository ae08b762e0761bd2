import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../shared/api/error-messages';
import { useMutationForm } from '../../shared/use-mutation-form';
import { localizeAccountError, securityApi } from './security.api';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/** Current password, the new one twice; on success every other session of the person has ended. */
export function ChangePasswordCard({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const form = useMutationForm(['currentPassword', 'newPassword'], { mapError: localizeAccountError });

  const field = (name: keyof typeof EMPTY) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [name]: value }));
      if (name === 'confirm' || name === 'newPassword') setMismatch(false);
      if (name !== 'confirm') form.clear(name);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.newPassword !== values.confirm) {
      setMismatch(true);
      return;
    }
    void form.run(async () => {
      const { endedSessions } = await securityApi.changePassword(values.currentPassword, values.newPassword);
      setValues(EMPTY);
      notifySuccess(t('security.password.changed', { count: endedSessions }));
      onChanged();
    });
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={3} size="h4" mb={4}>
        {t('security.password.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {t('security.password.hint')}
      </Text>
      <form onSubmit={submit} noValidate data-testid="change-password">
        <Stack maw={420}>
          <PasswordInput
            label={t('security.password.current')}
            autoComplete="current-password"
            error={form.errorOf('currentPassword')}
            {...field('currentPassword')}
          />
          <PasswordInput
            label={t('security.password.new')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            error={form.errorOf('newPassword')}
            {...field('newPassword')}
          />
          <PasswordInput
            label={t('security.password.confirm')}
            autoComplete="new-password"
            error={mismatch ? t('security.password.mismatch') : undefined}
            {...field('confirm')}
          />
          <Group>
            <Button type="submit" loading={form.isBusy}>
              {t('security.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
