import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../shared/api/use-form-errors';

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
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['name', 'description']);

  useEffect(() => {
    if (!opened) return;
    setName('');
    setDescription('');
    errors.clear();
  }, [opened, errors.clear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit({ name, description });
      onClose();
    } catch (error) {
      errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

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
              errors.clear('name');
            }}
            error={errors.errorOf('name')}
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
              errors.clear('description');
            }}
            error={errors.errorOf('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {t('governance.rights.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
