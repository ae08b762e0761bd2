import { Anchor, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { useSession } from '../../shared/session/session-context';
import { PageHeader } from '../../shared/ui/page-header';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { teamsApi } from '../teams/teams.api';
import { economicsApi } from './economics.api';
import { EconomicsStats } from './economics-stats';
import { EfficiencyPanel } from './efficiency-panel';
import { FulfillmentPanel } from './fulfillment-panel';
import { ChartSlot, PnlChart } from './lazy-charts';
import { PeerPointsPanel } from './peer-points-panel';
import { PeriodPicker, PeriodStatusBadge } from './period-picker';
import { SharesTable } from './shares-table';
import { SplitRulePanel } from './split-rule-panel';
import { TeamBooksPanel } from './team-books-panel';
import { TeamBudgetForm } from './team-budget-form';
import { TradesPanel } from './trades-panel';
import { usePeriodParam, useTabParam } from './use-period';

const TABS = ['overview', 'peer', 'trades'] as const;
const PNL_HEIGHT = 340;

/** A team's month: the P&L, hourly efficiency, fulfillment, the pool and each member's share; peer points and internal trades. */
export function TeamEconomicsPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const { me } = useSession();
  const { id = '' } = useParams();
  const [period, setPeriod] = usePeriodParam();
  const [tab, setTab] = useTabParam(TABS);
  const [refreshKey, setRefreshKey] = useState(0);
  const meId = me?.user.id ?? '';
  const team = useResource(() => teamsApi.get(org.slug, id), `${org.slug}|${id}`);
  const periods = useResource(() => economicsApi.periods(org.slug), `${org.slug}|${refreshKey}`);
  const figures = useResource(() => economicsApi.team(org.slug, period, id), `${org.slug}|${id}|${period}|${refreshKey}`);
  const rule = useResource(() => economicsApi.splitRule(org.slug, id), `${org.slug}|${id}`);
  const refresh = () => {
    setRefreshKey((key) => key + 1);
    void rule.reload();
  };

  const back = (
    <Anchor component={Link} to={`/o/${org.slug}/teams/${id}`} size="sm">
      ← {team.data?.name ?? t('economics.team.backToTeam')}
    </Anchor>
  );
  if (team.error) {
    return (
      <Stack>
        {back}
        <ErrorState error={team.error} onRetry={team.reload} />
      </Stack>
    );
  }
  const isMember = team.data?.members.some((member) => member.userId === meId) ?? false;
  const canParticipate = can('economics:participate') && (isMember || org.role === 'admin');
  const data = figures.data;
  const myShare = data?.sharesVisible ? (data.members.find((member) => member.memberId === meId)?.amountMinor ?? null) : null;
  const isClosed = data?.closed ?? false;
  const countsPeer = rule.data ? rule.data.rule === 'peer' || (rule.data.rule === 'mix' && (rule.data.weights?.peer ?? 0) > 0) : false;

  return (
    <Stack gap="md" data-testid="team-economics" data-period={period} data-closed={isClosed}>
      {back}
      <PageHeader
        title={t('economics.team.title', { team: team.data?.name ?? '…' })}
        badge={data ? <PeriodStatusBadge isClosed={isClosed} /> : null}
        description={t('economics.team.description')}
        mb={0}
        actions={<PeriodPicker period={period} onChange={setPeriod} known={periods.data?.items ?? []} />}
      />
      {figures.isLoading && !data ? (
        <LoadingState />
      ) : figures.error || !data ? (
        <ErrorState error={figures.error} onRetry={figures.reload} />
      ) : (
        <>
          <EconomicsStats figures={data} myShareMinor={myShare} />
          {data.poolMode === 'budgeted_bonus' && !isClosed && can('economics:write') ? (
            <TeamBudgetForm teamId={id} figures={data} onSaved={refresh} />
          ) : null}
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="overview">{t('economics.team.tabs.overview')}</Tabs.Tab>
              <Tabs.Tab value="peer">{t('economics.team.tabs.peer')}</Tabs.Tab>
              <Tabs.Tab value="trades">{t('economics.team.tabs.trades')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview">
              <Stack gap="md">
                <Paper withBorder radius="md" p="md">
                  <Title order={4}>{t('economics.pnl.title')}</Title>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('economics.pnl.description')}
                  </Text>
                  <ChartSlot height={PNL_HEIGHT}>
                    <PnlChart figures={data} height={PNL_HEIGHT} />
                  </ChartSlot>
                </Paper>
                <SharesTable figures={data} meId={meId} />
                <TeamBooksPanel figures={data} meId={meId} isMember={isMember} canParticipate={canParticipate} onChange={refresh} />
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  <SplitRulePanel
                    teamId={id}
                    rule={rule.data}
                    canEdit={canParticipate}
                    onChange={(saved) => {
                      rule.setData(() => saved);
                      setRefreshKey((key) => key + 1);
                    }}
                  />
                  <FulfillmentPanel figures={data} />
                </SimpleGrid>
                <EfficiencyPanel teamId={id} period={period} refreshKey={refreshKey} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="peer">
              <PeerPointsPanel
                teamId={id}
                period={period}
                isClosed={isClosed}
                members={data.members}
                meId={meId}
                isMember={isMember && can('economics:participate')}
                isCounted={countsPeer}
                onSaved={refresh}
              />
            </Tabs.Panel>
            <Tabs.Panel value="trades">
              <TradesPanel
                teamId={id}
                period={period}
                isClosed={isClosed}
                isMember={isMember}
                meId={meId}
                canRecord={canParticipate}
                onChange={refresh}
              />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
