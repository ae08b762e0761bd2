import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useOrg } from '../../shared/session/org-context';
import { PlusIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { TeamFormModal } from './team-form-modal';
import { TeamKindBadge } from './team-kind-badge';
import { type TeamInput, teamsApi } from './teams.api';

export function TeamsPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const [isCreateOpen, createModal] = useDisclosure(false);
  const list = usePagedList((cursor) => teamsApi.list(org.slug, cursor), [org.slug]);
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

  return (
    <>
      <PageHeader title={t('teams.title')} description={t('teams.description')} actions={createButton} />
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('teams.emptyTitle')} hint={canWrite ? t('teams.emptyHint') : t('teams.emptyHintReadOnly')} action={createButton} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="teams-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('teams.name')}</Table.Th>
                  <Table.Th>{t('teams.kind')}</Table.Th>
                  <Table.Th>{t('teams.purpose')}</Table.Th>
                  <Table.Th ta="right">{t('teams.members')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((team) => (
                  <Table.Tr key={team.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/o/${org.slug}/teams/${team.id}`)}>
                    <Table.Td>
                      <Anchor component={Link} to={`/o/${org.slug}/teams/${team.id}`} fw={600} onClick={(e) => e.stopPropagation()}>
                        {team.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <TeamKindBadge kind={team.kind} />
                    </Table.Td>
                    <Table.Td maw={480}>
                      <Text size="sm" c={team.purpose ? undefined : 'dimmed'} lineClamp={2}>
                        {team.purpose || t('teams.noPurpose')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{team.memberCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <TeamFormModal opened={isCreateOpen} onClose={createModal.close} onSubmit={create} />
    </>
  );
}
