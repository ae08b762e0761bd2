import { Anchor, Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import type { Team } from '../../shared/api/types';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useOrg } from '../../shared/session/org-context';
import { type Column, DataList } from '../../shared/ui/data-list';
import { PlusIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { OverridesSummary } from '../governance/team-overrides';
import { TeamFormModal } from './team-form-modal';
import { TeamKindBadge } from './team-kind-badge';
import { type TeamInput, teamsApi } from './teams.api';

export function TeamsPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const [isCreateOpen, createModal] = useDisclosure(false);
  const list = usePagedList((cursor) => teamsApi.list(org.slug, cursor), org.slug);
  const canWrite = can('teams:write');

  const create = async (input: TeamInput) => {
    const team = await teamsApi.create(org.slug, input);
    list.setItems((items) => [...items, team]);
    notifySuccess(t('teams.created', { name: team.name }));
  };

  const createButton = canWrite ? (
    <Button leftSection={<PlusIcon size={16} />} onClick={createModal.open}>
      {t('teams.create')}
    </Button>
  ) : null;

  const columns: Column<Team>[] = [
    {
      key: 'name',
      header: t('teams.name'),
      isPrimary: true,
      render: (team) => (
        <Anchor component={Link} to={`/o/${org.slug}/teams/${team.id}`} fw={600}>
          {team.name}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('teams.kind'), render: (team) => <TeamKindBadge kind={team.kind} /> },
    {
      key: 'purpose',
      header: t('teams.purpose'),
      render: (team) => (
        <Text size="sm" c={team.purpose ? undefined : 'dimmed'} lineClamp={3}>
          {team.purpose || t('teams.noPurpose')}
        </Text>
      ),
    },
    { key: 'members', header: t('teams.members'), align: 'right', render: (team) => team.memberCount },
  ];

  return (
    <>
      <PageHeader title={t('teams.title')} description={t('teams.description')} actions={createButton} />
      {can('governance:read') ? <OverridesSummary /> : null}
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={t('teams.emptyTitle')}
          hint={canWrite ? t('teams.emptyHint') : t('teams.emptyHintReadOnly')}
          action={createButton}
        />
      ) : (
        <DataList items={list.items} columns={columns} rowKey={(team) => team.id} testId="teams-table" />
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <TeamFormModal opened={isCreateOpen} onClose={createModal.close} onSubmit={create} />
    </>
  );
}
