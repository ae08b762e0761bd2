import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { TeamDetail } from '../../shared/api/types';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { PlusIcon } from '../../shared/ui/icons';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { governanceApi, type Role, type RoleInput } from './governance.api';
import { RoleCard } from './role-card';
import { RoleFormModal } from './role-form-modal';

interface RolesPanelProps {
  team: TeamDetail;
  canEdit: boolean;
}

/** The team's roles: purpose, accountabilities and the people in each; added, changed, assigned. */
export function RolesPanel({ team, canEdit }: RolesPanelProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  // Read again when the team's members change: leaving the team takes a person off its roles.
  const memberKey = team.members.map((member) => member.userId).join(',');
  const roles = useResource(() => governanceApi.roles(org.slug, team.id).then((page) => page.items), `${org.slug}|${team.id}|${memberKey}`);
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [toDelete, setToDelete] = useState<Role | null>(null);

  const replace = (role: Role) => roles.setData((list) => list?.map((item) => (item.id === role.id ? role : item)));

  const save = async (input: RoleInput) => {
    if (editing === 'new') {
      const role = await governanceApi.createRole(org.slug, team.id, input);
      roles.setData((list) => [...(list ?? []), role]);
      notifySuccess(t('governance.roles.created', { name: role.name }));
    } else if (editing) {
      replace(await governanceApi.updateRole(org.slug, editing.id, input));
      notifySuccess(t('governance.roles.updated'));
    }
  };
  const remove = async (role: Role) => {
    try {
      await governanceApi.removeRole(org.slug, role.id);
      roles.setData((list) => list?.filter((item) => item.id !== role.id));
      notifySuccess(t('governance.roles.deleted', { name: role.name }));
    } catch (error) {
      // The server refuses to delete a role that holds a right; say so in the interface language.
      const holdsRight = error instanceof ApiError && error.fields.some((field) => field.code === 'in_use' && field.params?.by === 'grant');
      if (holdsRight) notifications.show({ color: 'red', title: t('governance.roles.holdsRight'), message: '', withBorder: true });
      else notifyError(error);
      throw error;
    }
  };

  const addButton = canEdit ? (
    <Button leftSection={<PlusIcon size={16} />} variant="light" onClick={() => setEditing('new')}>
      {t('governance.roles.create')}
    </Button>
  ) : null;

  return (
    <Paper withBorder radius="md" p="md" data-testid="roles-panel">
      <Group justify="space-between" mb="sm" gap="sm" align="flex-start">
        <div style={{ flex: '1 1 320px' }}>
          <Title order={4}>{t('governance.roles.title', { count: roles.data?.length ?? 0 })}</Title>
          <Text size="sm" c="dimmed">
            {t('governance.roles.description')}
          </Text>
        </div>
        {addButton}
      </Group>
      {roles.isLoading && !roles.data ? (
        <LoadingState />
      ) : roles.error || !roles.data ? (
        <ErrorState error={roles.error} onRetry={roles.reload} />
      ) : roles.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {canEdit ? t('governance.roles.emptyHint') : t('governance.roles.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {roles.data.map((role) => (
            <RoleCard
              key={role.id}
              role={role}
              team={team}
              canEdit={canEdit}
              onChanged={replace}
              onEdit={() => setEditing(role)}
              onDelete={() => setToDelete(role)}
            />
          ))}
        </SimpleGrid>
      )}
      <RoleFormModal
        opened={editing !== null}
        role={editing && editing !== 'new' ? editing : undefined}
        onClose={() => setEditing(null)}
        onSubmit={save}
      />
      <ConfirmDialog
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={t('governance.roles.deleteTitle')}
        message={t('governance.roles.deleteConfirm', { name: toDelete?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => (toDelete ? remove(toDelete) : Promise.resolve())}
      />
    </Paper>
  );
}
