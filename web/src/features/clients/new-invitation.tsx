import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, CreatedInvitation } from '../../shared/api/types';
import { useFormErrors } from '../../shared/api/use-form-errors';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { CopyField } from '../../shared/ui/copy-field';
import { clientsApi } from './clients.api';

/** Makes an invitation link; the link exists only in this answer, so it is shown once with a copy button. */
export function NewInvitation({ client, onCreated }: { client: Client; onCreated: (invitation: CreatedInvitation) => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const [days, setDays] = useState<number | string>(14);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['expiresInDays']);

  const create = async () => {
    setBusy(true);
    try {
      const invitation = await clientsApi.invite(org.slug, client.id, Number(days));
      setCreated(invitation);
      errors.clear();
      onCreated(invitation);
    } catch (error) {
      errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NumberInput
          label={t('invitations.validForDays')}
          min={1}
          max={90}
          value={days}
          onChange={setDays}
          error={errors.errorOf('expiresInDays')}
          w={180}
          allowDecimal={false}
        />
        <Button onClick={create} loading={isBusy}>
          {t('invitations.create')}
        </Button>
      </Group>
      {created ? (
        <Alert color="yellow" variant="light" title={t('invitations.shownOnceTitle')} data-testid="invitation-link">
          <Stack gap="xs">
            <Text size="sm">{t('invitations.shownOnceHint', { name: client.name })}</Text>
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
