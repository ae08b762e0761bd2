import { Badge, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useGovernanceFormat } from '../../shared/governance-format';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { teamsApi } from '../teams/teams.api';
import { sameTerm } from './promise-draft';
import { describeMetric, describeWindow, formatTarget } from './promise-format';
import { type PromiseVersion, promisesApi, type Redress } from './promises.api';

const TERM_KEYS = ['statement', 'metric', 'target', 'window', 'promiserTeamId', 'redress'] as const;
type TermKey = (typeof TERM_KEYS)[number];

/** The terms a version changed from the one before it. */
export function changedFrom(previous: PromiseVersion | undefined, version: PromiseVersion): TermKey[] {
  if (!previous) return [];
  return TERM_KEYS.filter((key) => !sameTerm(previous[key], version[key]));
}

/** "Apology: …" / "Compensation 5 000 ₽: …" / "None". */
export function describeRedress(redress: Redress | null, t: TFunction, money: (minor: number) => string): string {
  if (!redress) return t('promises.redressNone');
  const kind = t(`promises.redressKinds.${redress.kind}`);
  const amount = redress.kind === 'compensation' && redress.amount != null ? ` ${money(redress.amount)}` : '';
  return `${kind}${amount}: ${redress.text}`;
}

/** The history of the promise's terms, newest first: each version with its reason and what it changed. */
export function PromiseVersions({ promiseId, refreshKey }: { promiseId: string; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const money = useGovernanceFormat().money;
  const locale = intlLocale(i18n.language);
  const data = useResource(async () => {
    const [versions, teams] = await Promise.all([
      loadAllPages((cursor) => promisesApi.versions(org.slug, promiseId, cursor)),
      loadAllPages((cursor) => teamsApi.list(org.slug, cursor)),
    ]);
    return { versions, teams: new Map(teams.map((team) => [team.id, team.name])) };
  }, `${org.slug}|${promiseId}|${refreshKey}`);

  const versions = data.data?.versions ?? [];
  const newestFirst = [...versions].reverse();

  return (
    <Paper withBorder radius="md" p="md" data-testid="promise-versions">
      <Stack gap="xs">
        <Title order={3}>{t('promises.versions.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('promises.versions.hint')}
        </Text>
        {data.error ? (
          <ErrorState error={data.error} onRetry={data.reload} />
        ) : !data.data ? (
          <LoadingState />
        ) : (
          <Timeline active={0} bulletSize={18} lineWidth={2} mt="xs">
            {newestFirst.map((version, index) => {
              const previous = versions[versions.indexOf(version) - 1];
              const changed = changedFrom(previous, version);
              const mark = (key: TermKey) =>
                changed.includes(key) ? (
                  <Badge size="xs" color="blue" variant="light" ml={6}>
                    {t('promises.versions.changed')}
                  </Badge>
                ) : null;
              return (
                <Timeline.Item
                  key={version.version}
                  data-testid="version-item"
                  title={
                    <Group gap={6}>
                      <Text fw={600}>{t('promises.versions.version', { n: version.version })}</Text>
                      {index === 0 ? (
                        <Badge size="xs" color="teal" variant="light">
                          {t('promises.versions.inForce')}
                        </Badge>
                      ) : null}
                    </Group>
                  }
                >
                  <Stack gap={4} mt={4}>
                    <Text size="xs" c="dimmed">
                      {t('promises.versions.from', { date: format.dateTime(version.effectiveFrom), by: version.createdBy })}
                    </Text>
                    {version.reason ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="version-reason">
                        <Text span fw={600}>
                          {t('promises.versions.reason')}:
                        </Text>{' '}
                        {version.reason}
                      </Text>
                    ) : null}
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {t('promises.quoted', { text: version.statement })}
                      {mark('statement')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {describeMetric(version.metric, t, locale)}
                      {mark('metric')} · {t('promises.versions.target', { target: formatTarget(version.target, locale) })}
                      {mark('target')} · {describeWindow(version.window, t)}
                      {mark('window')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('promises.versions.team', {
                        team: (version.promiserTeamId && data.data?.teams.get(version.promiserTeamId)) || '—',
                      })}
                      {mark('promiserTeamId')} · {t('promises.versions.redress')}: {describeRedress(version.redress, t, money)}
                      {mark('redress')}
                    </Text>
                  </Stack>
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
