import { Anchor, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ChartSlot } from '../economics/lazy-charts';
import { promisesApi } from '../promises/promises.api';
import { feedbackApi } from './feedback.api';
import { bucketLabel, formatFigure, KIND_COLOR } from './feedback-format';
import { FeedbackChart } from './lazy-chart';

const MONTHS = 6;
const HEIGHT = 240;

/** This promise's NPS and CSAT, month by month over the last six, beside its attainment at each month's end. */
export function PromiseFeedbackPanel({ promiseId, refreshKey }: { promiseId: string; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const locale = i18n.language;
  const data = useResource(async () => {
    const filter = { subjectType: 'promise' as const, subjectId: promiseId };
    const [nps, csat] = await Promise.all([
      feedbackApi.trend(org.slug, 'nps', 'month', filter),
      feedbackApi.trend(org.slug, 'csat', 'month', filter),
    ]);
    const npsPoints = nps.points.slice(-MONTHS);
    const csatPoints = csat.points.slice(-MONTHS);
    const now = Date.now();
    // Attainment as it stood when each month ended (now, for the current month); none before the promise had data.
    const attainment = await Promise.all(
      npsPoints.map((p) =>
        promisesApi
          .status(org.slug, promiseId, Math.min(Date.parse(p.to), now) - 1)
          .then((s) => (s.attainment === null ? null : Math.round(s.attainment * 10_000) / 100))
          .catch(() => null),
      ),
    );
    const total = (points: typeof npsPoints) => points.reduce((sum, p) => sum + p.n, 0);
    return { npsPoints, csatPoints, attainment, answered: total(npsPoints) + total(csatPoints) };
  }, `${org.slug}|${promiseId}|${refreshKey}`);

  const figures = data.data;
  const lastWith = <P extends { n: number }>(points: P[]) => [...points].reverse().find((p) => p.n > 0);
  const nps = figures ? lastWith(figures.npsPoints) : undefined;
  const csat = figures ? lastWith(figures.csatPoints) : undefined;
  const labels = {
    nps: t('feedback.kinds.nps'),
    csat: `${t('feedback.kinds.csat')}, %`,
    attainment: `${t('feedback.promise.attainment')}, %`,
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="promise-feedback">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={4}>{t('feedback.promise.title')}</Title>
        <Anchor component={Link} to={`/o/${org.slug}/voice`} size="sm">
          {t('feedback.promise.open')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('feedback.promise.hint')}
      </Text>
      {!figures ? (
        <Text size="sm" c="dimmed">
          {data.error ? '' : t('common.loading')}
        </Text>
      ) : figures.answered === 0 ? (
        <Text size="sm" c="dimmed" data-testid="promise-feedback-empty">
          {t('feedback.promise.empty')}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2 }} spacing="sm" mb="sm">
            {(
              [
                ['nps', nps],
                ['csat', csat],
              ] as const
            ).map(([kind, point]) => (
              <div key={kind} data-testid={`promise-${kind}`}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t(`feedback.kinds.${kind}`)} {point ? `· ${bucketLabel(point.bucket, locale)}` : ''}
                </Text>
                <Text fw={700} size="lg" c={KIND_COLOR[kind]}>
                  {formatFigure(kind, point?.score ?? null, locale)}
                </Text>
                <Text size="xs">{point ? t('feedback.n', { n: point.n }) : t('feedback.noAnswers')}</Text>
              </div>
            ))}
          </SimpleGrid>
          <ChartSlot height={HEIGHT}>
            <FeedbackChart
              height={HEIGHT}
              testId="promise-feedback-chart"
              labels={figures.npsPoints.map((p) => bucketLabel(p.bucket, locale))}
              min={-100}
              max={100}
              series={[
                { name: labels.attainment, type: 'bar', values: figures.attainment, color: '#868e96' },
                { name: labels.nps, type: 'line', values: figures.npsPoints.map((p) => p.score), color: KIND_COLOR.nps },
                { name: labels.csat, type: 'line', values: figures.csatPoints.map((p) => p.score), color: KIND_COLOR.csat },
              ]}
              ariaLabel={t('feedback.trend.chartLabel', {
                values: figures.npsPoints
                  .map(
                    (p, i) =>
                      `${bucketLabel(p.bucket, locale)}: ${labels.nps} ${formatFigure('nps', p.score, locale)}, ${labels.csat} ${formatFigure('csat', figures.csatPoints[i]?.score ?? null, locale)}, ${labels.attainment} ${figures.attainment[i] ?? '—'}`,
                  )
                  .join('; '),
              })}
            />
          </ChartSlot>
        </>
      )}
    </Paper>
  );
}
