import { Anchor, Button, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { PageHeader } from '../../shared/ui/page-header';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { TeamAgreements } from '../decisions/team-agreements';
import { TeamDecisions } from '../decisions/team-decisions';
import { CapabilitiesPanel } from '../governance/capabilities-panel';
import { RolesPanel } from '../governance/roles-panel';
import { TeamRightsPanel } from '../governance/team-rights-panel';
import { useTeamAuthority } from '../governance/use-team-authority';
import { TeamPromiseRequests } from '../promises/promise-requests-panel';
import { TeamFormModal } from './team-form-modal';
import { TeamKindBadge } from './team-kind-badge';
import { TeamMembers } from './team-members';
import { type TeamInput, teamsApi } from './teams.api';

/** The tabs of a team page; `?tab=rights` opens one directly. */
const TABS = ['members', 'capabilities', 'rights', 'agreements', 'decisions', 'requests'] as const;
type TeamTab = (typeof TABS)[number];
const isTab = (value: string | null): value is TeamTab => TABS.includes(value as TeamTab);

export function TeamPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: TeamTab = isTab(requested) ? requested : 'members';
  const [isEditOpen, editModal] = useDisclosure(false);
  const [isDeleteOpen, deleteDialog] = useDisclosure(false);
  const team = useResource(() => teamsApi.get(org.slug, id), `${org.slug}|${id}`);
  const canWrite = can('teams:write');
  const authority = useTeamAuthority(team.data ?? { members: [] });
  const chooseTab = (value: string | null) => {
    if (!isTab(value)) return;
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'members') next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );
  };

  const back = (
    <Anchor component={Link} to={`/o/${org.slug}/teams`} size="sm">
      ← {t('teams.backToList')}
    </Anchor>
  );
  if (team.isLoading && !team.data) return <LoadingState />;
  if (team.error || !team.data) {
    return (
      <Stack>
        {back}
        <ErrorState error={team.error} onRetry={team.reload} />
      </Stack>
    );
  }
  const data = team.data;

  const update = async (input: TeamInput) => {
    const updated = await teamsApi.update(org.slug, id, input);
    team.setData((current) => (current ? { ...current, ...updated } : current));
    notifySuccess(t('teams.updated'));
  };
  const remove = async () => {
    try {
      await teamsApi.remove(org.slug, id);
      notifySuccess(t('teams.deleted', { name: data.name }));
      void navigate(`/o/${org.slug}/teams`); // the app has no route loaders: nothing to wait for
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={data.name}
        badge={<TeamKindBadge kind={data.kind} />}
        description={t('governance.teamPage.description')}
        mb={0}
        actions={
          <>
            {can('economics:read') ? (
              <Button component={Link} to={`/o/${org.slug}/teams/${id}/economics`} variant="light" data-testid="team-economics-link">
                {t('economics.team.link')}
              </Button>
            ) : null}
            {canWrite ? (
              <>
                <Button variant="default" onClick={editModal.open}>
                  {t('common.edit')}
                </Button>
                <Button variant="light" color="red" onClick={deleteDialog.open}>
                  {t('common.delete')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="xs">
          {t('teams.purpose')}
        </Title>
        <Text size="sm" c={data.purpose ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {data.purpose || t('teams.noPurpose')}
        </Text>
      </Paper>
      <Tabs value={tab} onChange={chooseTab} keepMounted={false}>
        <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          <Tabs.Tab value="members">{t('governance.tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="capabilities">{t('governance.tabs.capabilities')}</Tabs.Tab>
          <Tabs.Tab value="rights">{t('governance.tabs.rights')}</Tabs.Tab>
          <Tabs.Tab value="agreements">{t('governance.tabs.agreements')}</Tabs.Tab>
          <Tabs.Tab value="decisions">{t('governance.tabs.decisions')}</Tabs.Tab>
          <Tabs.Tab value="requests">{t('promises.requests.teamTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members">
          <Stack gap="md">
            <TeamMembers
              team={data}
              canWrite={canWrite}
              onChange={(members) => team.setData((c) => (c ? { ...c, members, memberCount: members.length } : c))}
            />
            <RolesPanel team={data} canEdit={authority.canActForTeam} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="capabilities">
          <CapabilitiesPanel teamId={data.id} canEdit={authority.canActForTeam} />
        </Tabs.Panel>
        <Tabs.Panel value="rights">
          <TeamRightsPanel team={data} />
        </Tabs.Panel>
        <Tabs.Panel value="agreements">
          <TeamAgreements teamId={data.id} />
        </Tabs.Panel>
        <Tabs.Panel value="decisions">
          <TeamDecisions teamId={data.id} />
        </Tabs.Panel>
        <Tabs.Panel value="requests">
          <TeamPromiseRequests team={data} />
        </Tabs.Panel>
      </Tabs>
      <TeamFormModal opened={isEditOpen} team={data} onClose={editModal.close} onSubmit={update} />
      <ConfirmDialog
        opened={isDeleteOpen}
        onClose={deleteDialog.close}
        title={t('teams.deleteTitle')}
        message={t('teams.deleteConfirm', { name: data.name })}
        confirmLabel={t('teams.deleteButton')}
        onConfirm={remove}
      />
    </Stack>
  );
}
