import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { PageHeader } from '../../shared/ui/page-header';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { TeamFormModal } from './team-form-modal';
import { TeamKindBadge } from './team-kind-badge';
import { TeamMembers } from './team-members';
import { type TeamInput, teamsApi } from './teams.api';

export function TeamPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [isEditOpen, editModal] = useDisclosure(false);
  const [isDeleteOpen, deleteDialog] = useDisclosure(false);
  const team = useResource(() => teamsApi.get(org.slug, id), `${org.slug}|${id}`);
  const canWrite = can('teams:write');

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
      navigate(`/o/${org.slug}/teams`);
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
        description={t('teams.pageDescription')}
        mb={0}
        actions={
          canWrite ? (
            <>
              <Button variant="default" onClick={editModal.open}>
                {t('common.edit')}
              </Button>
              <Button variant="light" color="red" onClick={deleteDialog.open}>
                {t('common.delete')}
              </Button>
            </>
          ) : null
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
      <TeamMembers
        team={data}
        canWrite={canWrite}
        onChange={(members) => team.setData((c) => (c ? { ...c, members, memberCount: members.length } : c))}
      />
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
