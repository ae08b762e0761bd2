import { ActionIcon, Button, Group, List, Paper, Pill, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { TeamDetail } from '../../shared/api/types';
import { useOrg } from '../../shared/session/org-context';
import { TrashIcon } from '../../shared/ui/icons';
import { governanceApi, type Role } from './governance.api';

interface RoleCardProps {
  role: Role;
  team: TeamDetail;
  canEdit: boolean;
  onChanged: (role: Role) => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** One role: purpose, accountabilities and its people, who can be assigned from the team's members. */
export function RoleCard({ role, team, canEdit, onChanged, onEdit, onDelete }: RoleCardProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [isAssigning, setAssigning] = useState(false);
  const inRole = new Set(role.members.map((member) => member.userId));
  const candidates = team.members.filter((member) => !inRole.has(member.userId));

  const assign = async (userId: string | null) => {
    if (!userId) return;
    setAssigning(true);
    try {
      const updated = await governanceApi.addRoleMember(org.slug, role.id, userId);
      onChanged(updated);
      notifySuccess(t('governance.roles.assigned', { role: role.name }));
    } catch (error) {
      notifyError(error);
    } finally {
      setAssigning(false);
    }
  };
  const unassign = async (userId: string, name: string) => {
    try {
      await governanceApi.removeRoleMember(org.slug, role.id, userId);
      onChanged({ ...role, members: role.members.filter((member) => member.userId !== userId) });
      notifySuccess(t('governance.roles.unassigned', { name, role: role.name }));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="role-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={5} style={{ overflowWrap: 'anywhere' }}>
            {role.name}
          </Title>
          {canEdit ? (
            <Group gap={4} wrap="nowrap">
              <Button size="compact-sm" variant="subtle" onClick={onEdit}>
                {t('common.edit')}
              </Button>
              <Tooltip label={t('governance.roles.deleteTitle')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('governance.roles.deleteNamed', { name: role.name })}
                  onClick={onDelete}
                >
                  <TrashIcon size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ) : null}
        </Group>
        <Text size="sm" c={role.purpose ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {role.purpose || t('governance.roles.noPurpose')}
        </Text>
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('governance.roles.accountabilities')}
          </Text>
          {role.accountabilities.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('governance.roles.noAccountabilities')}
            </Text>
          ) : (
            <List size="sm" spacing={2} mt={2}>
              {role.accountabilities.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two accountabilities may read the same
                <List.Item key={index}>{item}</List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
            {t('governance.roles.people')}
          </Text>
          {role.members.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('governance.roles.nobody')}
            </Text>
          ) : (
            <Group gap={6}>
              {role.members.map((member) => (
                <Pill
                  key={member.userId}
                  size="md"
                  withRemoveButton={canEdit}
                  onRemove={() => void unassign(member.userId, member.name)}
                  removeButtonProps={{ 'aria-label': t('governance.roles.unassignNamed', { name: member.name }) }}
                  title={member.email}
                >
                  {member.name}
                </Pill>
              ))}
            </Group>
          )}
        </div>
        {canEdit ? (
          <Select
            aria-label={t('governance.roles.assignLabel', { role: role.name })}
            placeholder={candidates.length ? t('governance.roles.assignPlaceholder') : t('governance.roles.everyoneAssigned')}
            data={candidates.map((member) => ({ value: member.userId, label: member.name }))}
            value={null}
            onChange={(value) => void assign(value)}
            disabled={isAssigning || candidates.length === 0}
            searchable
            size="xs"
            nothingFoundMessage={t('common.nothingFound')}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
