import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/types';
import { useFormErrors } from '../../shared/api/use-form-errors';
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
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const segments = useSegmentOptions();

  useEffect(() => {
    if (!opened) return;
    setValues({ name: client?.name ?? '', email: client?.email ?? '', externalId: client?.externalId ?? '' });
    setSegmentIds(client?.segmentIds ?? []);
    errors.clear();
  }, [opened, client, errors.clear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      // Empty optional fields are sent as null: "no e-mail", not an empty string the server would reject.
      await onSubmit({
        name: values.name,
        email: values.email.trim() || null,
        externalId: values.externalId.trim() || null,
        segmentIds,
      });
      onClose();
    } catch (error) {
      errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field) => ({
    value: values[field],
    error: errors.errorOf(field),
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [field]: value }));
      errors.clear(field);
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
              errors.clear('segmentIds');
            }}
            error={errors.errorOf('segmentIds')}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {client ? t('common.save') : t('clients.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
