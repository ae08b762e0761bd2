import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationForm } from '../../shared/use-mutation-form';
import type { Role, RoleInput } from './governance.api';

interface RoleFormModalProps {
  opened: boolean;
  /** The role to edit; absent to add one. */
  role?: Role;
  onClose: () => void;
  onSubmit: (input: RoleInput) => Promise<unknown>;
}

interface Values {
  name: string;
  purpose: string;
  /** One accountability per line. */
  accountabilities: string;
}

const EMPTY: Values = { name: '', purpose: '', accountabilities: '' };

/** Name, purpose and accountabilities of a role; accountabilities are typed one per line. */
export function RoleFormModal({ opened, role, onClose, onSubmit }: RoleFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const form = useMutationForm(['name', 'purpose', 'accountabilities']);

  useEffect(() => {
    if (!opened) return;
    setValues(role ? { name: role.name, purpose: role.purpose, accountabilities: role.accountabilities.join('\n') } : EMPTY);
    form.clear();
  }, [opened, role, form.clear]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    form.clear(field);
  };

  const submit = form.submitWith(async () => {
    const accountabilities = values.accountabilities
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    await onSubmit({ name: values.name, purpose: values.purpose, accountabilities });
    onClose();
  });

  return (
    <Modal opened={opened} onClose={onClose} title={role ? t('governance.roles.editTitle') : t('governance.roles.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('governance.roles.name')}
            placeholder={t('governance.roles.namePlaceholder')}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={form.errorOf('name')}
            data-autofocus
          />
          <Textarea
            label={t('governance.roles.purpose')}
            description={t('governance.roles.purposeHint')}
            autosize
            minRows={2}
            maxRows={6}
            value={values.purpose}
            onChange={(event) => set('purpose', event.currentTarget.value)}
            error={form.errorOf('purpose')}
          />
          <Textarea
            label={t('governance.roles.accountabilities')}
            description={t('governance.roles.accountabilitiesHint')}
            autosize
            minRows={3}
            maxRows={10}
            value={values.accountabilities}
            onChange={(event) => set('accountabilities', event.currentTarget.value)}
            error={form.errorOf('accountabilities')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {role ? t('common.save') : t('governance.roles.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
