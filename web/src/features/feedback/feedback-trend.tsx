import { Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ChartSlot } from '../economics/lazy-charts';
import { FEEDBACK_KINDS, type FeedbackFilter, type FeedbackKind, feedbackApi, type TrendBucket } from './feedback.api';
import { AXIS, bucketLabel, formatFigure, KIND_COLOR } from './feedback-format';
import { FeedbackChart } from './lazy-chart';

const HEIGHT = 240;

/** The chosen figure per week or month over the filter (empty periods leave a gap). */
export function FeedbackTrend({ filter, refreshKey }: { filter: FeedbackFilter; refreshKey: string }) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const [kind, setKind] = useState<FeedbackKind>('nps');
  const [bucket, setBucket] = useState<TrendBucket>('month');
  const trend = useResource(() => feedbackApi.trend(org.slug, kind, bucket, filter), `${org.slug}|${kind}|${bucket}|${refreshKey}`);
  const points = trend.data?.points ?? [];
  const hasAnswers = points.some((p) => p.n > 0);
  const label = t(`feedback.kinds.${kind}`);
  return (
    <Paper withBorder radius="md" p="md" data-testid="feedback-trend">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={4}>{t('feedback.trend.title')}</Title>
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(next) => setKind(next as FeedbackKind)}
            data={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kinds.${k}`) }))}
          />
          <SegmentedControl
            size="xs"
            value={bucket}
            onChange={(next) => setBucket(next as TrendBucket)}
            data={[
              { value: 'week', label: t('feedback.trend.week') },
              { value: 'month', label: t('feedback.trend.month') },
            ]}
          />
        </Group>
      </Group>
      {trend.data && !hasAnswers ? (
        <Text size="sm" c="dimmed">
          {t('feedback.trend.empty')}
        </Text>
      ) : (
        <ChartSlot height={HEIGHT}>
          <FeedbackChart
            height={HEIGHT}
            labels={points.map((p) => bucketLabel(p.bucket, i18n.language))}
            series={[{ name: label, type: 'line', values: points.map((p) => p.score), color: KIND_COLOR[kind] }]}
            min={AXIS[kind].min}
            max={AXIS[kind].max}
            ariaLabel={t('feedback.trend.chartLabel', {
              values: points
                .filter((p) => p.n > 0)
                .map((p) => `${bucketLabel(p.bucket, i18n.language)} ${formatFigure(kind, p.score, i18n.language)} (n ${p.n})`)
                .join('; '),
            })}
          />
        </ChartSlot>
      )}
    </Paper>
  );
}
