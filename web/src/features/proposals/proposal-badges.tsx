import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';
import type { Proposal, ProposalStatus } from './proposals.api';

const STATUS_COLOR: Record<ProposalStatus, string> = {
  open: 'blue',
  under_consideration: 'grape',
  accepted: 'teal',
  declined: 'gray',
  implemented: 'green',
  merged: 'gray',
};

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`proposals.status.${status}`)}
    </Badge>
  );
}

/** Supports against the threshold, with this week's new supports. */
export function SupportsBar({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const share = Math.min(1, proposal.supports / Math.max(1, proposal.threshold));
  return (
    <Stack gap={4} miw={120}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {t('proposals.supports', { n: proposal.supports, threshold: proposal.threshold })}
        </Text>
        {proposal.recentSupports > 0 ? (
          <Text size="xs" c="dimmed">
            {t('proposals.recent', { n: proposal.recentSupports })}
          </Text>
        ) : null}
      </Group>
      <Progress value={share * 100} color={proposal.thresholdReachedAt !== null ? 'teal' : 'blue'} size="sm" aria-hidden />
    </Stack>
  );
}

/** The owed answer: due (yellow), overdue (red), or answered; nothing when none is owed. */
export function AnswerBadge({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (proposal.answeredAt !== null)
    return (
      <Badge color="teal" variant="light" data-testid="answered-badge">
        {t('proposals.answered', { date: format.date(proposal.answeredAt) })}
      </Badge>
    );
  if (proposal.answerDueAt === null) return null;
  return proposal.isOverdue ? (
    <Badge color="red" variant="filled" data-testid="overdue-badge">
      {t('proposals.overdue', { date: format.date(proposal.answerDueAt) })}
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" data-testid="due-badge">
      {t('proposals.due', { date: format.date(proposal.answerDueAt) })}
    </Badge>
  );
}
