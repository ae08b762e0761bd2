import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import type { Membership, Role } from '../../shared/api/types';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { membershipsApi } from './memberships.api';
import { roleOptions } from './role-options';

/**
 * Adds a person by e-mail. An existing account joins as it is; for a new e-mail the server asks
 * (422 on `name`/`password`) for a name and a first password, and the form then shows those fields.
 */
export function AddPersonModal({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: (m: Membership) => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [isNewAccount, setNewAccount] = useState(false);
  const form = useMutationForm(['email', 'role', 'name', 'password']);

  useEffect(() => {
    if (!opened) return;
    setEmail('');
    setRole('member');
    setName('');
    setPassword('');
    setNewAccount(false);
    form.clear();
  }, [opened, form.clear]);

  const submit = form.submitWith(
    async () => {
      const input = isNewAccount ? { email, role, name, password } : { email, role };
      const membership = await membershipsApi.add(org.slug, input);
      onAdded(membership);
      onClose();
    },
    {
      onError: (error) => {
        const asksForAccount = error instanceof ApiError && error.fields.some((f) => f.path === 'name' || f.path === 'password');
        if (!asksForAccount || isNewAccount) return error;
        setNewAccount(true);
        form.clear();
        return null;
      },
    },
  );

  return (
    <Modal opened={opened} onClose={onClose} title={t('memberships.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('memberships.addHint')}
          </Text>
          <TextInput
            label={t('memberships.email')}
            type="email"
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setNewAccount(false);
              form.clear('email');
            }}
            error={form.errorOf('email')}
            data-autofocus
          />
          <Select
            label={t('memberships.role')}
            data={roleOptions(t)}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            allowDeselect={false}
            error={form.errorOf('role')}
            description={t(`roleHints.${role}`)}
          />
          {isNewAccount ? (
            <>
              <Alert color="blue" variant="light" title={t('memberships.newAccountTitle')}>
                {t('memberships.newAccountHint')}
              </Alert>
              <TextInput
                label={t('memberships.name')}
                value={name}
                onChange={(event) => {
                  setName(event.currentTarget.value);
                  form.clear('name');
                }}
                error={form.errorOf('name')}
              />
              <PasswordInput
                label={t('memberships.firstPassword')}
                description={t('auth.passwordHint')}
                autoComplete="new-password"
                value={password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                  form.clear('password');
                }}
                error={form.errorOf('password')}
              />
            </>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {isNewAccount ? t('memberships.createAndAdd') : t('memberships.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
