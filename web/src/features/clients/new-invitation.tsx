import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, CreatedInvitation } from '../../shared/api/types';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { CopyField } from '../../shared/ui/copy-field';
import { useMutationForm } from '../../shared/use-mutation-form';
import { clientsApi } from './clients.api';

/** Makes an invitation link; the link exists only in this answer, so it is shown once with a copy button. */
export function NewInvitation({ client, onCreated }: { client: Client; onCreated: (invitation: CreatedInvitation) => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const [days, setDays] = useState<number | string>(14);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [send, setSend] = useState(false);
  const form = useMutationForm(['expiresInDays', 'send']);

  const create = () =>
    form.run(async () => {
      const invitation = await clientsApi.invite(org.slug, client.id, Number(days), send);
      setCreated(invitation);
      onCreated(invitation);
    });

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NumberInput
          label={t('invitations.validForDays')}
          min={1}
          max={90}
          value={days}
          onChange={setDays}
          error={form.errorOf('expiresInDays')}
          w={180}
          allowDecimal={false}
        />
        <Checkbox
          label={t('voice.clients.sendByMail', { email: client.email ?? '—' })}
          checked={send}
          disabled={!client.email}
          onChange={(event) => setSend(event.currentTarget.checked)}
          error={form.errorOf('send')}
          mb={8}
        />
        <Button onClick={create} loading={form.isBusy}>
          {t('invitations.create')}
        </Button>
      </Group>
      {created ? (
        <Alert color="yellow" variant="light" title={t('invitations.shownOnceTitle')} data-testid="invitation-link">
          <Stack gap="xs">
            <Text size="sm">{t('invitations.shownOnceHint', { name: client.name })}</Text>
            {created.sentTo ? <Text size="sm">{t('voice.clients.sentTo', { email: created.sentTo })}</Text> : null}
            <CopyField label={t('invitations.link')} value={created.url} />
            <Text size="sm" c="dimmed">
              {t('invitations.expiresAt', { date: format.dateTime(created.expiresAt) })}
            </Text>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
