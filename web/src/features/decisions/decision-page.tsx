import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { PageHeader } from '../../shared/ui/page-header';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { DecisionPollPanel, useDecisionPolls } from '../polls/decision-poll-panel';
import { ImplementedProposals } from '../proposals/implemented-proposals';
import { AdviceStep } from './advice-step';
import { DecisionStatusBadge, DueBadge } from './badges';
import { ClientsCard } from './clients-asked';
import { DecideStep } from './decide-step';
import { DecidedStep } from './decided-step';
import { DecisionEditModal } from './decision-edit-modal';
import { type Decision, type DecisionPatch, decisionsApi, isOpen, isWithdrawn } from './decisions.api';
import { WithdrawDecisionModal } from './withdraw-decision-modal';

/** How far along the advice process a decision is: the index of the current step (0–3). */
function stepOf(decision: Decision): number {
  if (decision.status === 'decided' || decision.status === 'retired') return 3;
  if (decision.status === 'ready') return 2;
  return 1;
}

/** One decision walked through the advice process: context and options → advice → decide → decided and reviews. */
export function DecisionPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const { id = '' } = useParams();
  const format = useGovernanceFormat();
  const [isEditOpen, setEditOpen] = useState(false);
  const [isWithdrawOpen, setWithdrawOpen] = useState(false);
  const decision = useResource(() => decisionsApi.get(org.slug, id), `${org.slug}|${id}`);
  const polls = useDecisionPolls(org.slug, id, String(decision.data?.decidedAt ?? ''));

  if (decision.isLoading && !decision.data) return <LoadingState />;
  if (decision.error || !decision.data) {
    return (
      <Stack>
        <Anchor component={Link} to={`/o/${org.slug}/reviews`} size="sm">
          ← {t('reviews.title')}
        </Anchor>
        <ErrorState error={decision.error} onRetry={decision.reload} />
      </Stack>
    );
  }
  const data = decision.data;
  const step = stepOf(data);
  const replace = (updated: Decision) => decision.setData(() => updated);
  const isDecided = data.decidedAt !== null;
  const withdrawn = isWithdrawn(data);
  const canParticipate = can('governance:participate');

  const edit = async (patch: DecisionPatch) => {
    replace(await decisionsApi.update(org.slug, data.id, patch));
    notifySuccess(t('decisionPage.updated'));
  };
  const withdraw = async (reason: string) => {
    replace(await decisionsApi.withdraw(org.slug, data.id, reason));
    notifySuccess(t('decisionPage.withdrawnToast'));
  };

  const bullet = (index: number) => (
    <ThemeIcon
      size={24}
      radius="xl"
      color={withdrawn && index >= 2 ? 'gray' : index < step ? 'teal' : index === step ? 'blue' : 'gray'}
      variant={index <= step ? 'filled' : 'light'}
    >
      <Text size="xs" fw={700}>
        {index + 1}
      </Text>
    </ThemeIcon>
  );

  return (
    <Stack gap="md" data-testid="decision-page" data-status={data.status}>
      <Anchor component={Link} to={`/o/${org.slug}/teams/${data.teamId}?tab=decisions`} size="sm">
        ← {t('decisionPage.backToTeam', { team: data.teamName })}
      </Anchor>
      <PageHeader
        title={data.title}
        badge={
          <Group gap={6}>
            <DecisionStatusBadge decision={data} />
            <DueBadge isDue={data.isDue} />
          </Group>
        }
        description={t('decisionPage.description', { team: data.teamName, right: data.right.name })}
        mb={0}
        actions={
          canParticipate && data.status !== 'retired' ? (
            <Group gap="xs">
              {isOpen(data) ? (
                <Button variant="subtle" color="red" onClick={() => setWithdrawOpen(true)}>
                  {t('decisionPage.withdraw')}
                </Button>
              ) : null}
              <Button variant="default" onClick={() => setEditOpen(true)}>
                {t('common.edit')}
              </Button>
            </Group>
          ) : null
        }
      />
      <Paper withBorder radius="md" p="lg">
        <Timeline active={withdrawn ? 1 : step} bulletSize={24} lineWidth={2} data-testid="advice-process">
          <Timeline.Item bullet={bullet(0)} title={<StepTitle>{t('decisionPage.steps.context')}</StepTitle>} data-testid="step-context">
            <Stack gap="sm" mt="xs">
              <Text size="sm" c={data.context ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {data.context || t('decisionPage.noContext')}
              </Text>
              <Group gap="lg" wrap="wrap">
                <Fact label={t('decisions.right')} value={data.right.name} />
                <Fact
                  label={t('decisionPage.amount')}
                  value={data.amount === null ? t('decisionPage.noAmount') : format.money(data.amount)}
                />
                <Fact label={t('decisionPage.proposedBy')} value={`${data.createdBy.label}, ${format.dateTime(data.createdAt)}`} />
              </Group>
              <Stack gap={6}>
                {data.options.map((option) => (
                  <Paper key={option.index} withBorder radius="sm" p="xs" bg={data.chosenOption === option.index ? 'teal.0' : undefined}>
                    <Text size="sm" fw={600}>
                      {option.index + 1}. {option.title}
                    </Text>
                    {option.description ? (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {option.description}
                      </Text>
                    ) : null}
                  </Paper>
                ))}
              </Stack>
            </Stack>
          </Timeline.Item>
          <Timeline.Item bullet={bullet(1)} title={<StepTitle>{t('decisionPage.steps.advice')}</StepTitle>} data-testid="step-advice">
            <Stack mt="xs">
              <AdviceStep decision={data} onChange={replace} />
            </Stack>
          </Timeline.Item>
          <Timeline.Item bullet={bullet(2)} title={<StepTitle>{t('decisionPage.steps.decide')}</StepTitle>} data-testid="step-decide">
            <Stack mt="xs">
              {isDecided || withdrawn ? (
                <Text size="sm" c="dimmed">
                  {withdrawn ? t('decisionPage.notTaken') : t('decisionPage.decideDone')}
                </Text>
              ) : (
                <DecideStep decision={data} onChange={replace} onReload={decision.reload} polls={polls.data?.items} />
              )}
            </Stack>
          </Timeline.Item>
          <Timeline.Item
            bullet={bullet(3)}
            title={<StepTitle>{withdrawn ? t('decisionPage.steps.withdrawn') : t('decisionPage.steps.decided')}</StepTitle>}
            data-testid="step-decided"
          >
            <Stack mt="xs">
              {isDecided ? (
                <DecidedStep decision={data} onReload={decision.reload} />
              ) : withdrawn ? (
                <WithdrawnStep decision={data} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('decisionPage.notYetDecided')}
                </Text>
              )}
            </Stack>
          </Timeline.Item>
        </Timeline>
      </Paper>
      <ClientsCard decision={data} />
      <DecisionPollPanel decision={data} polls={polls} />
      <ImplementedProposals implementedBy={data.id} />
      <DecisionEditModal opened={isEditOpen} decision={data} onClose={() => setEditOpen(false)} onSubmit={edit} onStale={decision.reload} />
      <WithdrawDecisionModal
        opened={isWithdrawOpen}
        decision={data}
        onClose={() => setWithdrawOpen(false)}
        onSubmit={withdraw}
        onStale={decision.reload}
      />
    </Stack>
  );
}

/** Step 4 of a decision withdrawn before it was taken: that it was, and why. */
function WithdrawnStep({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" data-testid="withdrawn">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('decisionPage.withdrawnNote')}
        </Text>
        {decision.rationale ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="withdraw-reason">
            <Text span fw={600}>
              {t('decisionPage.withdrawReason')}:
            </Text>{' '}
            {decision.rationale}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function StepTitle({ children }: { children: string }) {
  return <Title order={4}>{children}</Title>;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
}
