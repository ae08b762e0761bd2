import { Button, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { OutcomeBadge } from './badges';
import { type Agreement, agreementsApi } from './decisions.api';
import { ReviewHistory } from './review-history';

interface AgreementDetailsProps {
  agreement: Agreement;
  canEdit: boolean;
  /** Changes after each review so the history is read again. */
  historyKey: number;
  onEdit: () => void;
  onReview: () => void;
}

/** One agreement opened: why it exists, what is agreed, how the team will know it works, and its reviews. */
export function AgreementDetails({ agreement, canEdit, historyKey, onEdit, onReview }: AgreementDetailsProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useGovernanceFormat();
  const last = agreement.lastReview;
  return (
    <Stack gap="md" data-testid="agreement-details">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Section title={t('agreements.driver')}>{agreement.driver}</Section>
        <Section title={t('agreements.text')}>{agreement.text}</Section>
        <Section title={t('agreements.criteria')}>{agreement.criteria || null}</Section>
        <Section title={t('agreements.lastReview')}>
          {last ? (
            <Stack gap={4}>
              <Group gap="xs">
                <OutcomeBadge outcome={last.outcome} />
                <Text size="sm">{format.day(last.reviewedDate)}</Text>
                <Text size="xs" c="dimmed">
                  {last.actor.label}
                </Text>
              </Group>
              {last.note ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {last.note}
                </Text>
              ) : null}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('agreements.neverReviewed')}
            </Text>
          )}
        </Section>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('agreements.recorded', { date: format.dateTime(agreement.createdAt), updated: format.dateTime(agreement.updatedAt) })}
      </Text>
      {canEdit ? (
        <Group gap="sm">
          <Button size="xs" variant="default" onClick={onEdit}>
            {t('common.edit')}
          </Button>
          {agreement.status === 'retired' ? null : (
            <Button size="xs" variant={agreement.isDue ? 'filled' : 'light'} color={agreement.isDue ? 'red' : undefined} onClick={onReview}>
              {t('reviews.reviewNow')}
            </Button>
          )}
        </Group>
      ) : null}
      <Divider />
      <Title order={5}>{t('reviews.history')}</Title>
      <ReviewHistory load={(cursor) => agreementsApi.reviews(org.slug, agreement.id, cursor)} reloadKey={`${agreement.id}|${historyKey}`} />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {title}
      </Text>
      {typeof children === 'string' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      ) : (
        (children ?? (
          <Text size="sm" c="dimmed">
            {t('agreements.notStated')}
          </Text>
        ))
      )}
    </Stack>
  );
}
