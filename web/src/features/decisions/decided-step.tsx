import { Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../shared/api/error-messages';
import { addMonths, useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { DueBadge } from './badges';
import { type Decision, decisionsApi, type ReviewInput } from './decisions.api';
import { ReviewFormModal } from './review-form-modal';
import { ReviewHistory } from './review-history';

/** Step 4: what was decided, why, by whom and when; then its reviews. */
export function DecidedStep({ decision, onReload }: { decision: Decision; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const format = useGovernanceFormat();
  const [isReviewOpen, setReviewOpen] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const chosen = decision.options.find((option) => option.index === decision.chosenOption);

  const review = async (input: ReviewInput) => {
    await decisionsApi.review(org.slug, decision.id, input);
    await onReload();
    setHistoryKey((key) => key + 1);
    notifySuccess(t('reviews.saved'));
  };

  return (
    <Stack gap="sm" data-testid="decided">
      <Paper withBorder radius="md" p="md" bg="teal.0">
        <Stack gap={6}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t('decisionPage.chosen')}
          </Text>
          <Text fw={700} data-testid="chosen-option">
            {chosen ? `${chosen.index + 1}. ${chosen.title}` : '—'}
          </Text>
          {decision.rationale ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {decision.rationale}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('decisionPage.decidedBy', {
              name: decision.decidedBy?.label ?? '—',
              date: decision.decidedAt === null ? '—' : format.dateTime(decision.decidedAt),
            })}
          </Text>
          {decision.overrides.map((override) => (
            <Text key={override.id} size="sm" c="orange.9" data-testid="decision-override">
              {t('overrides.onDecision', { by: override.by.name, date: format.dateTime(override.at), reason: override.reason })}
            </Text>
          ))}
        </Stack>
      </Paper>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text size="sm">
            {decision.status === 'retired'
              ? t('decisionPage.retired')
              : decision.reviewDate
                ? t('decisions.reviewOn', { date: format.day(decision.reviewDate) })
                : t('decisionPage.noReviewDate')}
          </Text>
          <DueBadge isDue={decision.isDue} />
        </Group>
        {can('governance:participate') && decision.status !== 'retired' ? (
          <Button
            size="xs"
            variant={decision.isDue ? 'filled' : 'light'}
            color={decision.isDue ? 'red' : undefined}
            onClick={() => setReviewOpen(true)}
          >
            {t('reviews.reviewNow')}
          </Button>
        ) : null}
      </Group>
      <Divider />
      <Title order={5}>{t('reviews.history')}</Title>
      <ReviewHistory load={(cursor) => decisionsApi.reviews(org.slug, decision.id, cursor)} reloadKey={`${decision.id}|${historyKey}`} />
      <ReviewFormModal
        opened={isReviewOpen}
        subject={decision.title}
        defaultNextDate={addMonths(format.today(), 6)}
        onClose={() => setReviewOpen(false)}
        onSubmit={review}
      />
    </Stack>
  );
}
