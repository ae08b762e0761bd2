import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { orgPath } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/error-messages';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { type Column, DataList } from '../../shared/ui/data-list';
import { DownloadMenu } from '../../shared/ui/download-menu';
import { PlusIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { AlertBadge, BackingWaivedBadge, FulfillmentBadge, KindBadge, UnbackedBadge } from './badges';
import { PromiseFormModal } from './promise-form-modal';
import {
  capitalize,
  describeWindow,
  formatAttainment,
  formatPercent,
  formatTarget,
  isAlertFiring,
  mapLimited,
  sortWorstFirst,
} from './promise-format';
import { countWaiting, usePromiseRequests } from './promise-requests';
import { PromiseRequestsPanel } from './promise-requests-panel';
import {
  PROMISE_LIFECYCLE,
  type PromiseInput,
  type PromiseItem,
  type PromiseLifecycle,
  type PromiseStatus,
  promisesApi,
} from './promises.api';

type KindFilter = 'all' | 'client' | 'internal';
/** The promises by where they are in their life, or the requests between teams (`?tab=requests`). */
type PageTab = PromiseLifecycle | 'requests';

function isLifecycle(value: string | null): value is PromiseLifecycle {
  return value !== null && (PROMISE_LIFECYCLE as readonly string[]).includes(value);
}

/**
 * Everyone's promises by status, the worst kept first: what is broken or at risk is seen at once; and
 * the requests between teams, those waiting for my teams' answer counted on their tab.
 */
export function PromisesPage() {
  const { t, i18n } = useTranslation();
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('status');
  const tab: PageTab = searchParams.get('tab') === 'requests' ? 'requests' : isLifecycle(requested) ? requested : 'published';
  const [kind, setKind] = useState<KindFilter>('all');
  const [isCreateOpen, setCreateOpen] = useState(false);
  const locale = intlLocale(i18n.language);
  const canWrite = can('promises:write');

  const promises = useResource(() => loadAllPages((cursor) => promisesApi.list(org.slug, { cursor })), org.slug);
  const requests = usePromiseRequests(null);
  const waiting = requests.data ? countWaiting(requests.data.requests, requests.data.memberTeamIds) : 0;
  const all = promises.data ?? [];
  // Promises that came first, with no team yet: "form the team that will keep it".
  const intentions = all.filter((promise) => promise.isIntention);
  const inTab = all.filter((promise) => promise.status === tab && (kind === 'all' || promise.kind === kind));
  const ids = inTab.map((promise) => promise.id).join(',');
  const statuses = useResource<Map<string, PromiseStatus | null>>(async () => {
    const list = ids ? ids.split(',') : [];
    const results = await mapLimited(list, 6, (id) => promisesApi.status(org.slug, id).catch(() => null));
    return new Map(list.map((id, i) => [id, results[i] ?? null]));
  }, `${org.slug}|${ids}`);
  const statusOf = (promise: PromiseItem) => statuses.data?.get(promise.id);
  const rows = sortWorstFirst(inTab, statusOf);

  const chooseTab = (value: string | null) => {
    const next = new URLSearchParams(searchParams);
    next.delete('tab');
    next.delete('status');
    if (value === 'requests') next.set('tab', 'requests');
    else if (value && value !== 'published') next.set('status', value);
    setSearchParams(next, { replace: true });
  };

  const create = async (input: PromiseInput) => {
    const created = await promisesApi.create(org.slug, input);
    notifySuccess(t('promises.created', { title: created.title }));
    void navigate(`/o/${org.slug}/promises/${created.id}`); // the app has no route loaders: nothing to wait for
  };

  const createButton = canWrite ? (
    <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreateOpen(true)}>
      {t('promises.create')}
    </Button>
  ) : null;

  const columns: Column<PromiseItem>[] = [
    {
      key: 'title',
      header: t('promises.list.promise'),
      isPrimary: true,
      render: (promise) => (
        <Stack gap={2} maw={460}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/o/${org.slug}/promises/${promise.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {promise.title}
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {promise.terms.statement}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'parties',
      header: t('promises.list.parties'),
      render: (promise) => (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {promise.promiserTeam?.name ?? t('promises.intentions.noTeam')}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            → {promise.promiseeSegment?.name ?? promise.promiseeTeam?.name ?? '—'}
          </Text>
          <Group gap={4}>
            <KindBadge kind={promise.kind} />
            <BackingWaivedBadge isWaived={promise.backingWaiver !== null} />
          </Group>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('promises.list.status'),
      render: (promise) => {
        const status = statusOf(promise);
        if (status === undefined)
          return (
            <Text size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
          );
        if (status === null)
          return (
            <Text size="sm" c="dimmed">
              —
            </Text>
          );
        return (
          <Group gap={4}>
            <FulfillmentBadge status={status.status} />
            <AlertBadge isFiring={isAlertFiring(status)} />
            <UnbackedBadge isUnbacked={status.unbacked || promise.unbacked !== null} />
          </Group>
        );
      },
    },
    {
      key: 'attainment',
      header: t('promises.list.attainment'),
      align: 'right',
      render: (promise) => {
        const status = statusOf(promise);
        return (
          <Stack gap={0} align="flex-end" data-testid="row-attainment">
            <Text size="sm" fw={600} c={status?.status === 'broken' ? 'red.7' : undefined}>
              {formatAttainment(status?.attainment ?? null, promise.terms.target, locale)}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('promises.list.targetOf', { target: formatTarget(promise.terms.target, locale) })}
            </Text>
          </Stack>
        );
      },
    },
    {
      key: 'budget',
      header: t('promises.list.budget'),
      align: 'right',
      render: (promise) => {
        const status = statusOf(promise);
        const hasData = status && status.total > 0;
        return (
          <Stack gap={0} align="flex-end">
            <Text size="sm" c={hasData && status.budgetRemaining < 0.25 ? 'orange.8' : undefined}>
              {hasData ? formatPercent(status.budgetRemaining, locale, 0) : '—'}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {capitalize(describeWindow(promise.terms.window, t))}
            </Text>
          </Stack>
        );
      },
    },
  ];

  const counts = Object.fromEntries(PROMISE_LIFECYCLE.map((status) => [status, all.filter((p) => p.status === status).length])) as Record<
    PromiseLifecycle,
    number
  >;

  return (
    <Stack gap="md">
      <PageHeader title={t('promises.title')} description={t('promises.description')} actions={createButton} mb={0} />
      {intentions.length > 0 ? (
        <Alert color="yellow" variant="light" title={t('promises.intentions.title')} data-testid="intentions">
          <Stack gap={4}>
            <Text size="sm">{t('promises.intentions.hint')}</Text>
            {intentions.map((promise) => (
              <Anchor key={promise.id} component={Link} to={`/o/${org.slug}/promises/${promise.id}`} size="sm" fw={500}>
                {promise.title} → {promise.promiseeSegment?.name ?? '—'}
              </Anchor>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Tabs value={tab} onChange={chooseTab} variant="pills" radius="md">
          <Tabs.List>
            {PROMISE_LIFECYCLE.map((status) => (
              <Tabs.Tab
                key={status}
                value={status}
                rightSection={
                  promises.data ? (
                    <Badge size="xs" variant={tab === status ? 'white' : 'light'} color="gray" circle={counts[status] < 10}>
                      {counts[status]}
                    </Badge>
                  ) : null
                }
              >
                {t(`promises.tabs.${status}`)}
              </Tabs.Tab>
            ))}
            <Tabs.Tab
              value="requests"
              data-testid="requests-tab"
              rightSection={
                waiting > 0 ? (
                  <Badge size="xs" color="blue" variant={tab === 'requests' ? 'white' : 'filled'} circle={waiting < 10}>
                    {waiting}
                  </Badge>
                ) : null
              }
            >
              {t('promises.requests.tab')}
            </Tabs.Tab>
          </Tabs.List>
          {/* Each tab controls a panel (aria-controls must name one); the list below the tabs is what they show. */}
          {[...PROMISE_LIFECYCLE, 'requests'].map((value) => (
            <Tabs.Panel key={value} value={value}>
              {null}
            </Tabs.Panel>
          ))}
        </Tabs>
        {tab !== 'requests' ? (
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              value={kind}
              onChange={(value) => setKind(value as KindFilter)}
              data={(['all', 'client', 'internal'] as const).map((value) => ({ value, label: t(`promises.kindFilter.${value}`) }))}
              aria-label={t('promises.kindFilter.label')}
            />
            <DownloadMenu
              path={orgPath(org.slug, 'promises', 'export')}
              table={t('promises.title')}
              filters={{ status: tab, kind: kind === 'all' ? undefined : kind }}
            />
          </Group>
        ) : null}
      </Group>
      {tab === 'requests' ? (
        <PromiseRequestsPanel data={requests} />
      ) : (
        <>
          {tab === 'published' ? (
            <Text size="sm" c="dimmed">
              {t('promises.list.worstFirst')}
            </Text>
          ) : null}
          {promises.isLoading && !promises.data ? (
            <LoadingState />
          ) : promises.error ? (
            <ErrorState error={promises.error} onRetry={promises.reload} />
          ) : rows.length === 0 ? (
            <EmptyState
              title={t(`promises.empty.${tab}`)}
              hint={tab === 'published' ? t('promises.empty.publishedHint') : tab === 'draft' ? t('promises.empty.draftHint') : undefined}
              action={tab !== 'retired' ? createButton : null}
            />
          ) : (
            <DataList
              items={rows}
              columns={columns}
              rowKey={(promise) => promise.id}
              testId="promises-table"
              minWidth={820}
              rowProps={(promise) => ({
                'data-testid': 'promise-row',
                'data-lifecycle': promise.status,
                'data-status': statusOf(promise)?.status ?? '',
              })}
            />
          )}
        </>
      )}
      <PromiseFormModal opened={isCreateOpen} onClose={() => setCreateOpen(false)} onCreate={create} />
    </Stack>
  );
}
