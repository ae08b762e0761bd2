import { ActionIcon, Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { PageHeader } from '../../shared/ui/page-header';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useEconomicsFormat } from '../economics/use-economics-format';
import { participationApi, type Round, type RoundProject, type RoundResult } from './participation.api';
import { PhaseBadge } from './participation-rounds-tab';
import { ProjectFormModal } from './project-form-modal';
import { RoundFormModal } from './round-form-modal';
import { RoundResultPanel } from './round-result';

type Dialog =
  | { kind: 'edit' }
  | { kind: 'project'; project?: RoundProject }
  | { kind: 'remove'; project: RoundProject }
  | { kind: 'open' }
  | { kind: 'allocate' }
  | null;

const TRACKED = ['funded', 'in_progress', 'done'] as const;

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}

/** The round's page at its path of before the rename (`reserve-rounds/{id}`): sends the browser on to the new one. */
export function FormerRoundRedirect() {
  const { id = '' } = useParams();
  return <Navigate to={`../participation-rounds/${encodeURIComponent(id)}`} replace />;
}

/** A participatory round: its projects (edited while a draft), votes, both methods' results, allocation and tracking. */
export function RoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { org, can } = useOrg();
  const money = useEconomicsFormat().money;
  const dates = useFormat();
  const [refresh, setRefresh] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const key = `${org.slug}|${id}|${refresh}`;
  const round = useResource(() => participationApi.get(org.slug, id), key);
  const result = useResource(() => participationApi.result(org.slug, id), key);
  const canManage = can('voice:manage');
  const reload = () => setRefresh((n) => n + 1);

  if (round.isLoading && !round.data) return <LoadingState />;
  if (round.error || !round.data) return <ErrorState error={round.error} onRetry={round.reload} />;
  const data: Round = round.data;
  const isDraft = data.status === 'draft';
  const chosen = (r: RoundResult | undefined) => (r ? (r.method === 'mes' ? r.mes : r.greedy) : undefined);

  const act = async (run: () => Promise<unknown>, message: string) => {
    try {
      await run();
      notifySuccess(message);
      reload();
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const setStatus = (project: RoundProject, status: string | null) => {
    if (status !== 'in_progress' && status !== 'done') return;
    void act(() => participationApi.setProjectStatus(org.slug, project.id, status), t('participation.saved')).catch(() => undefined);
  };

  const allocateButton =
    data.phase === 'closed' ? (
      <Button color="teal" onClick={() => setDialog({ kind: 'allocate' })}>
        {t('participation.allocate')}
      </Button>
    ) : (
      <Tooltip label={t('participation.allocateWhenClosed')}>
        <Button color="teal" disabled>
          {t('participation.allocate')}
        </Button>
      </Tooltip>
    );

  return (
    <Stack gap="md" data-testid="round-page" data-status={data.status}>
      <Anchor component={Link} to={`/o/${org.slug}/voice?tab=participation`} size="sm">
        ← {t('participation.back')}
      </Anchor>
      <PageHeader
        title={data.title}
        badge={<PhaseBadge phase={data.phase} />}
        description={data.description || undefined}
        mb={0}
        actions={
          canManage ? (
            <Group gap="xs">
              {isDraft ? (
                <>
                  <Button variant="default" onClick={() => setDialog({ kind: 'edit' })}>
                    {t('participation.editRound')}
                  </Button>
                  <Button onClick={() => setDialog({ kind: 'open' })} disabled={data.projects.length === 0}>
                    {t('participation.open')}
                  </Button>
                </>
              ) : data.status === 'open' ? (
                allocateButton
              ) : null}
            </Group>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Fact label={t('participation.columns.budget')} value={money(data.budgetMinor)} />
          <Fact label={t('participation.columns.method')} value={t(`participation.method.${data.method}`)} />
          <Fact label={t('participation.columns.dates')} value={`${dates.dateTime(data.opensAt)} – ${dates.dateTime(data.closesAt)}`} />
          <Fact label={t('participation.columns.ballots')} value={data.ballots} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          {t(`participation.methodHint.${data.method}`)}
        </Text>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('participation.projects')}</Title>
          {canManage && isDraft ? (
            <Button size="xs" onClick={() => setDialog({ kind: 'project' })}>
              {t('participation.addProject')}
            </Button>
          ) : null}
        </Group>
        {data.projects.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('participation.noProjects')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" fz="sm" data-testid="projects-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('participation.fields.projectTitle')}</Table.Th>
                  <Table.Th ta="right">{t('participation.cost')}</Table.Th>
                  <Table.Th ta="right">{t('participation.votes')}</Table.Th>
                  <Table.Th>{t('participation.status')}</Table.Th>
                  {canManage ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.projects.map((project) => (
                  <Table.Tr key={project.id} data-testid="project-row" data-status={project.status}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {project.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`participation.kind.${project.kind}`)}
                        {project.description ? ` — ${project.description}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {money(project.costMinor)}
                    </Table.Td>
                    <Table.Td ta="right">{project.votes}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={TRACKED.includes(project.status as (typeof TRACKED)[number]) ? 'teal' : 'gray'}>
                        {t(`participation.projectStatus.${project.status}`)}
                      </Badge>
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        {isDraft ? (
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'project', project })}>
                              {t('common.edit')}
                            </Button>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('participation.removeProject')}
                              onClick={() => setDialog({ kind: 'remove', project })}
                            >
                              ×
                            </ActionIcon>
                          </Group>
                        ) : TRACKED.includes(project.status as (typeof TRACKED)[number]) ? (
                          <Select
                            size="xs"
                            w={150}
                            aria-label={t('participation.status')}
                            data={(['in_progress', 'done'] as const).map((s) => ({
                              value: s,
                              label: t(`participation.projectStatus.${s}`),
                            }))}
                            value={project.status === 'funded' ? null : project.status}
                            placeholder={t('participation.projectStatus.funded')}
                            onChange={(value) => setStatus(project, value)}
                            allowDeselect={false}
                          />
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {result.data && data.projects.length > 0 ? <RoundResultPanel result={result.data} /> : null}

      {dialog?.kind === 'edit' ? (
        <RoundFormModal
          round={data}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notifySuccess(t('participation.saved'));
            reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'project' ? (
        <ProjectFormModal
          roundId={data.id}
          project={dialog.project}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notifySuccess(t('participation.saved'));
            reload();
          }}
        />
      ) : null}
      <ConfirmDialog
        opened={dialog?.kind === 'remove'}
        title={t('participation.removeProject')}
        message={dialog?.kind === 'remove' ? t('participation.removeConfirm', { title: dialog.project.title }) : ''}
        confirmLabel={t('participation.removeProject')}
        onConfirm={() =>
          dialog?.kind === 'remove'
            ? act(() => participationApi.removeProject(org.slug, dialog.project.id), t('participation.saved'))
            : Promise.resolve()
        }
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'open'}
        title={t('participation.open')}
        message={t('participation.openConfirm')}
        confirmLabel={t('participation.open')}
        onConfirm={() => act(() => participationApi.open(org.slug, data.id), t('participation.opened'))}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'allocate'}
        title={t('participation.allocate')}
        message={t('participation.allocateConfirm', {
          method: t(`participation.method.${data.method}`),
          amount: money(chosen(result.data)?.spentMinor ?? 0),
        })}
        confirmLabel={t('participation.allocate')}
        onConfirm={() => act(() => participationApi.allocate(org.slug, data.id), t('participation.allocated'))}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
