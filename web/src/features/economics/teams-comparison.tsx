import { Anchor, Badge, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { orgPath } from '../../shared/api/client';
import { useOrg } from '../../shared/session/org-context';
import { DownloadMenu } from '../../shared/ui/download-menu';
import type { PeriodEconomics } from './economics.api';
import { RANKINGS, type Ranking, rankTeams } from './economics-model';
import { useEconomicsFormat } from './use-economics-format';

/** All teams side by side for the month, best first by the chosen measure, so what works is visible. */
export function TeamsComparison({ figures }: { figures: PeriodEconomics }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [ranking, setRanking] = useState<Ranking>('efficiency');
  const teams = rankTeams(figures.teams, ranking, format.locale);
  const total = (pick: (team: (typeof teams)[number]) => number) => teams.reduce((sum, team) => sum + pick(team), 0);
  // Government organizations: savings against each team's budget stand where net profit does.
  const budgeted = teams.some((team) => team.poolMode === 'budgeted_bonus');
  const profitOf = (team: (typeof teams)[number]) => (budgeted ? (team.savingsMinor ?? null) : team.netProfitMinor);
  return (
    <Paper withBorder radius="md" p="md" data-testid="teams-comparison">
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <div>
          <Title order={4}>{t('economics.compare.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('economics.compare.description')}
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          <Select
            label={t('economics.compare.sortBy')}
            size="xs"
            w={220}
            value={ranking}
            onChange={(value) => value && setRanking(value as Ranking)}
            data={RANKINGS.map((value) => ({ value, label: t(`economics.compare.by.${value}`) }))}
            allowDeselect={false}
          />
          <DownloadMenu
            path={orgPath(org.slug, 'periods', figures.period, 'export')}
            table={t('economics.compare.title')}
            testId="download-economics"
          />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" fz="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('economics.compare.team')}</Table.Th>
              <Table.Th ta="right">{budgeted ? t('economics.budgeted.savings') : t('economics.stats.netProfit')}</Table.Th>
              <Table.Th ta="right">{t('economics.stats.efficiency')}</Table.Th>
              <Table.Th ta="right">{t('economics.stats.fulfillment')}</Table.Th>
              <Table.Th ta="right">{budgeted ? t('economics.budgeted.pool') : t('economics.stats.pool')}</Table.Th>
              <Table.Th ta="right">{t('economics.stats.reserve')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.map((team, index) => (
              <Table.Tr key={team.teamId} data-testid="compare-row" data-team={team.teamName}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" c="dimmed" w={20}>
                      {index + 1}
                    </Text>
                    <Anchor component={Link} to={`/o/${org.slug}/teams/${team.teamId}/economics?period=${figures.period}`} size="sm">
                      {team.teamName}
                    </Anchor>
                    {index === 0 && teams.length > 1 && (ranking !== 'efficiency' || team.hourlyEfficiencyMinor !== null) ? (
                      <Badge size="xs" color="teal" variant="light">
                        {t('economics.compare.best')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td ta="right" c={(profitOf(team) ?? 0) < 0 ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {profitOf(team) === null ? '—' : format.money(profitOf(team) as number)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {team.hourlyEfficiencyMinor === null ? '—' : t('economics.perHour', { amount: format.money(team.hourlyEfficiencyMinor) })}
                </Table.Td>
                <Table.Td ta="right">{format.share(team.fulfillmentIndex)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {format.money(team.poolMinor)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {format.money(team.reserveMinor)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('economics.compare.total')}</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(total((team) => profitOf(team) ?? 0))}
              </Table.Th>
              <Table.Th />
              <Table.Th />
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(total((team) => team.poolMinor))}
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(total((team) => team.reserveMinor))}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed" mt="sm" data-testid="overhead-summary">
        {t('economics.compare.overhead', {
          amount: format.money(figures.overheadTotalMinor),
          rule: t(`economics.overheadRules.${figures.overheadRule}`),
        })}
      </Text>
    </Paper>
  );
}
