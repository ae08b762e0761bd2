import { Badge, Blockquote, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgPath } from '../../shared/api/client';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { type Resource, useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { DownloadMenu } from '../../shared/ui/download-menu';
import { type Decision, isOpen } from '../decisions/decisions.api';
import { PollFormModal } from './poll-form-modal';
import { PollResultView } from './poll-result';
import { type Poll, pollsApi } from './polls.api';

export type DecisionPolls = Resource<{ items: Poll[] }>;

/** The client polls of a decision, read again when `version` changes (say, once the decision is taken). */
export function useDecisionPolls(org: string, decisionId: string, version: string): DecisionPolls {
  return useResource(() => pollsApi.list(org, decisionId), `${org}|${decisionId}|${version}`);
}

const STATUS_COLOR = { scheduled: 'gray', open: 'blue', closed: 'teal' } as const;

/**
 * The decision's client polls: open one for segments, follow the running result (staff see it even
 * when hidden from clients), close one early, and — once decided — the chosen option beside the
 * clients' choice with the published reason when they differ.
 */
export function DecisionPollPanel({ decision, polls }: { decision: Decision; polls: DecisionPolls }) {
  const { t } = useTranslation();
  const { can } = useOrg();
  const [isFormOpen, setFormOpen] = useState(false);
  const canManage = can('governance:participate') && isOpen(decision);
  const items = polls.data?.items ?? [];
  const replace = (poll: Poll) =>
    polls.setData((current) => ({
      items: [...(current?.items ?? []).filter((p) => p.id !== poll.id), poll].sort(
        (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
      ),
    }));

  return (
    <Paper withBorder radius="md" p="lg" data-testid="decision-polls">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={4}>{t('polls.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('polls.description')}
            </Text>
          </Stack>
          {canManage ? (
            <Button variant="light" onClick={() => setFormOpen(true)} data-testid="open-poll">
              {t('polls.open')}
            </Button>
          ) : null}
        </Group>
        {items.length === 0 && !polls.isLoading ? (
          <Text size="sm" c="dimmed">
            {t('polls.none')}
          </Text>
        ) : null}
        {items.map((poll) => (
          <PollCard key={poll.id} poll={poll} decision={decision} canClose={canManage} onChange={replace} />
        ))}
      </Stack>
      {isFormOpen ? (
        <PollFormModal
          decisionId={decision.id}
          question={decision.title}
          onClose={() => setFormOpen(false)}
          onOpened={(poll) => {
            replace(poll);
            setFormOpen(false);
            notifySuccess(t('polls.opened'));
          }}
        />
      ) : null}
    </Paper>
  );
}

function PollCard({
  poll,
  decision,
  canClose,
  onChange,
}: {
  poll: Poll;
  decision: Decision;
  canClose: boolean;
  onChange: (poll: Poll) => void;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const [isConfirmOpen, setConfirmOpen] = useState(false);
  const result = poll.result;
  const close = async () => {
    try {
      onChange(await pollsApi.close(org.slug, poll.id));
      notifySuccess(t('polls.closed'));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };
  const facts = [
    t(`polls.kind.${poll.kind}`),
    poll.segments.map((s) => s.name).join(', '),
    t('polls.period', { from: format.dateTime(poll.opensAt), to: format.dateTime(poll.closesAt) }),
  ];
  const quorum =
    poll.quorum === null
      ? ''
      : `${t('polls.quorum', { quorum: poll.quorum })}: ${result?.quorumMet ? t('polls.quorumMet') : t('polls.quorumNotMet')}`;
  const chosen = decision.chosenOption;
  const titles = (indexes: number[]) => indexes.map((i) => `«${poll.options[i]?.title ?? i + 1}»`).join(', ');
  return (
    <Paper withBorder radius="sm" p="md" data-testid="poll" data-status={poll.status}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
            <Group gap={6}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {poll.question}
              </Text>
              <Badge color={STATUS_COLOR[poll.status]} variant="light">
                {t(`polls.status.${poll.status}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {facts.filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          {canClose && poll.status !== 'closed' ? (
            <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmOpen(true)}>
              {t('polls.closeNow')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" data-testid="poll-turnout">
          {[
            t('polls.turnout', { n: poll.turnout, eligible: poll.eligible, count: poll.eligible }),
            quorum,
            poll.hideResults ? t('polls.hiddenFromClients') : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {poll.closedWithoutQuorum ? (
          <Text size="sm" c="orange" data-testid="poll-without-quorum">
            {t('polls.closedWithoutQuorum', { n: poll.turnout, quorum: poll.quorum ?? 0 })}
          </Text>
        ) : null}
        {result ? (
          <Stack gap={4}>
            <Group justify="space-between" gap="sm">
              <Text size="sm" fw={600}>
                {poll.status === 'closed' ? t('polls.final') : t('polls.running')}
              </Text>
              <DownloadMenu path={orgPath(org.slug, 'polls', poll.id, 'export')} table={t('download.tables.poll')} testId="download-poll" />
            </Group>
            <PollResultView poll={poll} result={result} />
          </Stack>
        ) : null}
        {chosen !== null && decision.decidedAt !== null && result && result.winners.length > 0 ? (
          <Stack gap={4} data-testid="poll-outcome">
            <Text size="sm">{t('polls.decidedWith', { option: poll.options[chosen]?.title ?? '', clients: titles(result.winners) })}</Text>
            {decision.clientRationale ? (
              <>
                <Text size="sm" fw={600}>
                  {t('polls.againstWhy')}
                </Text>
                <Blockquote p="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="client-rationale">
                  {decision.clientRationale}
                </Blockquote>
              </>
            ) : result.winners.includes(chosen) ? (
              <Text size="sm" c="teal">
                {t('polls.followed')}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={isConfirmOpen}
        title={t('polls.closeNow')}
        message={t('polls.closeConfirm')}
        confirmLabel={t('polls.closeNow')}
        onConfirm={close}
        onClose={() => setConfirmOpen(false)}
      />
    </Paper>
  );
}
