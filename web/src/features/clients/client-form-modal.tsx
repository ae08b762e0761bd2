import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCreateClient, ZUpdateClient } from '../../../../src/modules/clients/client.schema';
import type { Client } from '../../shared/api/types';
import { useMutationForm, validateInput } from '../../shared/use-mutation-form';
import type { ClientInput } from './clients.api';
import { useSegmentOptions } from './use-segment-options';

interface ClientFormModalProps {
  opened: boolean;
  client?: Client;
  onClose: () => void;
  onSubmit: (input: ClientInput) => Promise<unknown>;
}

const FIELDS = ['name', 'email', 'externalId', 'segmentIds'] as const;
type Field = Exclude<(typeof FIELDS)[number], 'segmentIds'>;

export function ClientFormModal({ opened, client, onClose, onSubmit }: ClientFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', externalId: '' });
  const [segmentIds, setSegmentIds] = useState<string[]>([]);
  const form = useMutationForm(FIELDS);
  const segments = useSegmentOptions();

  useEffect(() => {
    if (!opened) return;
    setValues({ name: client?.name ?? '', email: client?.email ?? '', externalId: client?.externalId ?? '' });
    setSegmentIds(client?.segmentIds ?? []);
    form.clear();
  }, [opened, client, form.clear]);

  const submit = form.submitWith(async () => {
    // Empty optional fields are sent as null: "no e-mail", not an empty string the server would reject.
    const input: ClientInput = {
      name: values.name,
      email: values.email.trim() || null,
      externalId: values.externalId.trim() || null,
      segmentIds,
    };
    validateInput(client ? ZUpdateClient : ZCreateClient, input);
    await onSubmit(input);
    onClose();
  });

  const input = (field: Field) => ({
    value: values[field],
    error: form.errorOf(field),
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [field]: value }));
      form.clear(field);
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={client ? t('clients.editTitle') : t('clients.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('clients.name')} placeholder={t('clients.namePlaceholder')} data-autofocus {...input('name')} />
          <TextInput label={t('clients.email')} description={t('common.optional')} type="email" {...input('email')} />
          <TextInput label={t('clients.externalId')} description={t('clients.externalIdHint')} {...input('externalId')} />
          <MultiSelect
            label={t('voice.clients.segments')}
            description={t('voice.clients.segmentsHint')}
            data={segments.options}
            value={segmentIds}
            onChange={(next) => {
              setSegmentIds(next);
              form.clear('segmentIds');
            }}
            error={form.errorOf('segmentIds')}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {client ? t('common.save') : t('clients.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
