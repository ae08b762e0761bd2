import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { FEEDBACK_KINDS, type FeedbackFilter, type FeedbackKind, feedbackApi } from './feedback.api';
import { formatFigure, KIND_COLOR } from './feedback-format';

function FigureCard({ kind, filter, refreshKey }: { kind: FeedbackKind; filter: FeedbackFilter; refreshKey: string }) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const summary = useResource(() => feedbackApi.summary(org.slug, kind, filter), `${org.slug}|${kind}|${refreshKey}`);
  const data = summary.data;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`figure-${kind}`} data-n={data?.n ?? ''} data-score={data?.score ?? ''}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t(`feedback.kinds.${kind}`)}
      </Text>
      <Text fw={700} size="xl" mt={4} c={KIND_COLOR[kind]}>
        {summary.error ? '!' : data ? formatFigure(kind, data.score, i18n.language) : '…'}
      </Text>
      <Text size="sm">{data ? (data.n === 0 ? t('feedback.noAnswers') : t('feedback.n', { n: data.n })) : '\u00a0'}</Text>
      {kind === 'nps' && data && data.n > 0 ? (
        <Text size="xs" c="dimmed">
          {t('feedback.npsParts', {
            promoters: t('feedback.promoters', { count: data.promoters ?? 0 }),
            passives: t('feedback.passives', { count: data.passives ?? 0 }),
            detractors: t('feedback.detractors', { count: data.detractors ?? 0 }),
          })}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" mt={4}>
        {t(`feedback.kindHints.${kind}`)}
      </Text>
    </Paper>
  );
}

/** NPS, CSAT and CES over the filter, each with its n. */
export function FeedbackFigures({ filter, refreshKey }: { filter: FeedbackFilter; refreshKey: string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      {FEEDBACK_KINDS.map((kind) => (
        <FigureCard key={kind} kind={kind} filter={filter} refreshKey={refreshKey} />
      ))}
    </SimpleGrid>
  );
}
