import { ActionIcon, Button, Group, Paper, Select, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { TeamDetail, TeamMember } from '../../shared/api/types';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { type Column, DataList } from '../../shared/ui/data-list';
import { TrashIcon } from '../../shared/ui/icons';
import { useMutationForm } from '../../shared/use-mutation-form';
import { membershipsApi } from '../memberships/memberships.api';
import { teamsApi } from './teams.api';

interface TeamMembersProps {
  team: TeamDetail;
  canWrite: boolean;
  onChange: (members: TeamMember[]) => void;
}

/** The team's members; people of the organization can be added from a list and removed. */
export function TeamMembers({ team, canWrite, onChange }: TeamMembersProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const [userId, setUserId] = useState<string | null>(null);
  const [toRemove, setToRemove] = useState<TeamMember | null>(null);
  const adding = useMutationForm(['userId']);
  const people = useResource(
    () => (canWrite ? loadAllPages((cursor) => membershipsApi.list(org.slug, cursor, 200)) : Promise.resolve([])),
    `${org.slug}|${canWrite}`,
  );
  const memberIds = new Set(team.members.map((member) => member.userId));
  const candidates = (people.data ?? []).filter((person) => !memberIds.has(person.userId));

  const add = () => {
    if (!userId) return;
    void adding.run(
      async () => {
        const { items } = await teamsApi.addMember(org.slug, team.id, userId);
        onChange(items);
        setUserId(null);
      },
      { success: t('teams.memberAdded') },
    );
  };

  const remove = async (member: TeamMember) => {
    try {
      await teamsApi.removeMember(org.slug, team.id, member.userId);
      onChange(team.members.filter((item) => item.userId !== member.userId));
      notifySuccess(t('teams.memberRemoved', { name: member.name }));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const columns: Column<TeamMember>[] = [
    {
      key: 'name',
      header: t('memberships.name'),
      isPrimary: true,
      render: (member) => (
        <Text size="sm" fw={600}>
          {member.name}
        </Text>
      ),
    },
    { key: 'email', header: t('memberships.email'), render: (member) => member.email },
    { key: 'addedAt', header: t('teams.addedAt'), render: (member) => format.date(member.addedAt) },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      width: 60,
      render: (member) => (
        <Tooltip label={t('teams.removeMember')}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('teams.removeMemberNamed', { name: member.name })}
            onClick={() => setToRemove(member)}
          >
            <TrashIcon size={16} />
          </ActionIcon>
        </Tooltip>
      ),
    });
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {t('teams.membersTitle', { count: team.members.length })}
      </Title>
      {canWrite ? (
        <Group align="flex-start" mb="md" gap="sm" wrap="wrap">
          <Select
            label={t('teams.addMemberLabel')}
            placeholder={candidates.length ? t('teams.choosePerson') : t('teams.everyoneIsMember')}
            data={candidates.map((person) => ({ value: person.userId, label: `${person.name} · ${person.email}` }))}
            value={userId}
            onChange={(value) => {
              setUserId(value);
              adding.clear();
            }}
            searchable
            clearable
            disabled={people.isLoading || candidates.length === 0}
            nothingFoundMessage={t('common.nothingFound')}
            error={adding.errorOf('userId')}
            style={{ flex: '1 1 260px' }}
          />
          <Button onClick={add} loading={adding.isBusy} disabled={!userId} mt={{ base: 0, xs: 25 }}>
            {t('teams.addMember')}
          </Button>
        </Group>
      ) : null}
      {team.members.length === 0 ? (
        <Text c="dimmed" size="sm">
          {canWrite ? t('teams.noMembersHint') : t('teams.noMembers')}
        </Text>
      ) : (
        <DataList
          items={team.members}
          columns={columns}
          rowKey={(member) => member.userId}
          minWidth={520}
          isEmbedded
          testId="team-members"
        />
      )}
      <ConfirmDialog
        opened={toRemove !== null}
        onClose={() => setToRemove(null)}
        title={t('teams.removeMember')}
        message={t('teams.removeMemberConfirm', { name: toRemove?.name ?? '', team: team.name })}
        confirmLabel={t('common.remove')}
        onConfirm={() => (toRemove ? remove(toRemove) : Promise.resolve())}
      />
    </Paper>
  );
}
