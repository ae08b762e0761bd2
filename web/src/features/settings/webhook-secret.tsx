import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../shared/ui/copy-field';

/** A signing secret shown once (after registering an endpoint or rotating its secret), with how a receiver checks a delivery. */
export function WebhookSecretPanel({ secret, notice, onDone }: { secret: string; notice?: ReactNode; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="yellow" variant="light" title={t('webhooks.secretWarningTitle')}>
        {t('webhooks.secretWarning')}
      </Alert>
      {notice}
      <CopyField label={t('webhooks.secret')} value={secret} />
      <Text size="sm" c="dimmed">
        {t('webhooks.secretUsage')} <Code>X-Clientocracy-Signature: t=…,v1=…</Code>
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('webhooks.done')}</Button>
      </Group>
    </Stack>
  );
}
