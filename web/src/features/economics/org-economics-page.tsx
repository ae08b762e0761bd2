import { Group, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { PageHeader } from '../../shared/ui/page-header';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { economicsApi } from './economics.api';
import { currentPeriod } from './economics-format';
import { LedgerPanel } from './ledger-panel';
import { OverheadRuleForm } from './overhead-rule-form';
import { PeopleInputsPanel } from './people-inputs-panel';
import { PeriodActions } from './period-actions';
import { PeriodPicker, PeriodStatusBadge } from './period-picker';
import { ReservePanel } from './reserve-panel';
import { SettingsForm } from './settings-form';
import { TeamsComparison } from './teams-comparison';
import { usePeriodParam, useTabParam } from './use-period';

const TABS = ['teams', 'ledger', 'people', 'rules', 'reserve'] as const;
/** Hours and salaries are inputs only admins see. */
const PUBLIC_TABS = TABS.filter((tab) => tab !== 'people');

/** The organization's month: all teams side by side, the inputs (admins), the rules, and the reserve fund. */
export function OrgEconomicsPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const [period, setPeriod] = usePeriodParam();
  const canWrite = can('economics:write');
  const [tab, setTab] = useTabParam(canWrite ? TABS : PUBLIC_TABS);
  const [refreshKey, setRefreshKey] = useState(0);
  const periods = useResource(() => economicsApi.periods(org.slug), `${org.slug}|${refreshKey}`);
  const figures = useResource(() => economicsApi.period(org.slug, period), `${org.slug}|${period}|${refreshKey}`);
  const refresh = () => setRefreshKey((key) => key + 1);
  const data = figures.data?.period === period ? figures.data : undefined;
  const hasEnded = period < currentPeriod(org.timeZone);

  return (
    <Stack gap="md" data-testid="org-economics" data-period={period} data-closed={data?.closed ?? false}>
      <PageHeader
        title={t('economics.org.title')}
        badge={data ? <PeriodStatusBadge isClosed={data.closed} /> : null}
        description={t('economics.org.description')}
        mb={0}
        actions={
          <Group gap="sm">
            <PeriodPicker period={period} onChange={setPeriod} known={periods.data?.items ?? []} />
            {canWrite && data ? (
              <PeriodActions
                period={period}
                isClosed={data.closed}
                isLocked={data.inputsLocked !== null}
                hasEnded={hasEnded}
                onChange={(next) => {
                  figures.setData(() => next);
                  refresh();
                }}
              />
            ) : null}
          </Group>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          <Tabs.Tab value="teams">{t('economics.org.tabs.teams')}</Tabs.Tab>
          <Tabs.Tab value="ledger">{t('economics.org.tabs.ledger')}</Tabs.Tab>
          {canWrite ? <Tabs.Tab value="people">{t('economics.org.tabs.people')}</Tabs.Tab> : null}
          <Tabs.Tab value="rules">{t('economics.org.tabs.rules')}</Tabs.Tab>
          <Tabs.Tab value="reserve">{t('economics.org.tabs.reserve')}</Tabs.Tab>
        </Tabs.List>
        {tab === 'reserve' ? (
          <Tabs.Panel value="reserve">
            <ReservePanel refreshKey={refreshKey} />
          </Tabs.Panel>
        ) : tab === 'rules' ? (
          <Tabs.Panel value="rules">
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              {data ? <OverheadRuleForm figures={data} canEdit={canWrite} onChange={refresh} /> : <LoadingState />}
              <SettingsForm canEdit={canWrite} onChange={refresh} />
            </SimpleGrid>
          </Tabs.Panel>
        ) : figures.error ? (
          <ErrorState error={figures.error} onRetry={figures.reload} />
        ) : !data ? (
          <LoadingState />
        ) : (
          <>
            <Tabs.Panel value="teams">
              <TeamsComparison figures={data} />
            </Tabs.Panel>
            <Tabs.Panel value="ledger">
              <LedgerPanel figures={data} canEdit={canWrite} onChange={refresh} />
            </Tabs.Panel>
            {canWrite ? (
              <Tabs.Panel value="people">
                <PeopleInputsPanel figures={data} onChange={refresh} />
              </Tabs.Panel>
            ) : null}
          </>
        )}
      </Tabs>
    </Stack>
  );
}
