import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCreateRight } from '../../../../src/modules/governance/governance.schema';
import { useMutationForm, validateInput } from '../../shared/use-mutation-form';

interface RightFormModalProps {
  opened: boolean;
  onClose: () => void;
  onSubmit: (input: { name: string; description: string }) => Promise<unknown>;
}

/** Defines a decision right: a domain of what may be decided (granted afterwards to a team or role). */
export function RightFormModal({ opened, onClose, onSubmit }: RightFormModalProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const form = useMutationForm(['name', 'description']);

  useEffect(() => {
    if (!opened) return;
    setName('');
    setDescription('');
    form.clear();
  }, [opened, form.clear]);

  const submit = form.submitWith(async () => {
    validateInput(ZCreateRight, { name, description });
    await onSubmit({ name, description });
    onClose();
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('governance.rights.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('governance.rights.name')}
            placeholder={t('governance.rights.namePlaceholder')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              form.clear('name');
            }}
            error={form.errorOf('name')}
            data-autofocus
          />
          <Textarea
            label={t('governance.rights.descriptionLabel')}
            description={t('governance.rights.descriptionHint')}
            autosize
            minRows={2}
            maxRows={6}
            value={description}
            onChange={(event) => {
              setDescription(event.currentTarget.value);
              form.clear('description');
            }}
            error={form.errorOf('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {t('governance.rights.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
