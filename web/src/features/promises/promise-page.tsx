import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { PageHeader } from '../../shared/ui/page-header';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useGovernanceFormat } from '../decisions/governance-format';
import { discoveryApi } from '../discovery/discovery.api';
import { PromiseFeedbackPanel } from '../feedback/promise-feedback-panel';
import { ImplementedProposals } from '../proposals/implemented-proposals';
import { BackingRefusal, BackingWaivedNotice, UnbackedNotice } from './backing-notice';
import { AlertBadge, BackingWaivedBadge, FulfillmentBadge, KindBadge, LifecycleBadge, UnbackedBadge } from './badges';
import { EventsImportModal } from './events-import-modal';
import { PromiseAlerts } from './promise-alerts';
import { canWaiveBacking, missingFromError, type PublishRefusal } from './promise-backing';
import { PromiseBackingPanel } from './promise-backing-panel';
import { PromiseBurndown } from './promise-burndown';
import { isNotPromiser, localizePromiseError } from './promise-errors';
import { PromiseEvents } from './promise-events';
import { PromiseFormModal } from './promise-form-modal';
import {
  describeMetric,
  describeWindow,
  formatAttainment,
  formatNumber,
  formatPercent,
  formatTarget,
  isAlertFiring,
} from './promise-format';
import { PromiseHistoryPanel } from './promise-history-panel';
import { PromiseRedress } from './promise-redress';
import { PromiseTree } from './promise-tree';
import { describeRedress, PromiseVersions } from './promise-versions';
import { type PromiseItem, type PromisePatch, type PromiseStatus, promisesApi, type VersionInput } from './promises.api';
import { RetireModal } from './retire-modal';
import { VersionModal } from './version-modal';
import { WaiveBackingModal } from './waive-backing-modal';
import { windowLengthMs } from './window-length';

/** One promise: its terms, how it is kept (chart, burn rates, alerts, their history), events, backing, versions and redress. */
export function PromisePage() {
  const { t, i18n } = useTranslation();
  const { org, can } = useOrg();
  const { id = '' } = useParams();
  const locale = intlLocale(i18n.language);
  const format = useGovernanceFormat();
  const money = format.money;
  const [refreshKey, setRefreshKey] = useState(0);
  const [isEditOpen, setEditOpen] = useState(false);
  const [isVersionOpen, setVersionOpen] = useState(false);
  const [isRetireOpen, setRetireOpen] = useState(false);
  const [isImportOpen, setImportOpen] = useState(false);
  const [isWaiveOpen, setWaiveOpen] = useState(false);
  const [isPublishing, setPublishing] = useState(false);
  const [refusal, setRefusal] = useState<PublishRefusal | null>(null);
  const promise = useResource(() => promisesApi.get(org.slug, id), `${org.slug}|${id}`);
  const status = useResource(() => promisesApi.status(org.slug, id), `${org.slug}|${id}|${refreshKey}`);
  const segmentId = promise.data?.promiseeSegment?.id ?? null;
  const painIds = promise.data?.painIds.join(',') ?? '';
  const pains = useResource(
    async () =>
      segmentId && painIds ? (await discoveryApi.workspace(org.slug, segmentId)).pains.filter((p) => painIds.includes(p.id)) : [],
    `${org.slug}|${segmentId}|${painIds}`,
  );

  const back = (
    <Anchor
      component={Link}
      to={`/o/${org.slug}/promises${promise.data && promise.data.status !== 'published' ? `?status=${promise.data.status}` : ''}`}
      size="sm"
    >
      ← {t('promises.backToList')}
    </Anchor>
  );
  if (promise.isLoading && !promise.data) return <LoadingState />;
  if (promise.error || !promise.data) {
    return (
      <Stack>
        {back}
        <ErrorState error={promise.error} onRetry={promise.reload} />
      </Stack>
    );
  }
  const data = promise.data;
  const replace = (updated: PromiseItem) => promise.setData(() => updated);
  const refresh = () => {
    setRefreshKey((key) => key + 1);
    void promise.reload();
  };
  const canWrite = can('promises:write');
  const current = status.data;

  /** A refused "Publish" names what is missing at the top of the page; true when it was one. */
  const showRefusal = (error: unknown) => {
    const missing = missingFromError(error, data);
    if (!missing) return false;
    setRefusal(missing);
    setRefreshKey((key) => key + 1);
    return true;
  };
  const publish = async () => {
    setPublishing(true);
    setRefusal(null);
    try {
      replace(await promisesApi.publish(org.slug, data.id));
      notifySuccess(t('promises.published', { title: data.title }));
      setRefreshKey((key) => key + 1);
    } catch (error) {
      if (showRefusal(error)) return;
      if (isNotPromiser(error)) notifyError(error);
      else notifyError(localizePromiseError(error));
    } finally {
      setPublishing(false);
    }
  };
  const publishWaived = async (reason: string) => {
    replace(await promisesApi.publish(org.slug, data.id, { backingWaiver: { reason } }));
    setRefusal(null);
    notifySuccess(t('promises.published', { title: data.title }));
    setRefreshKey((key) => key + 1);
  };
  const update = async (patch: PromisePatch) => {
    replace(await promisesApi.update(org.slug, data.id, patch));
    setRefusal(null);
    notifySuccess(t('promises.updated'));
    setRefreshKey((key) => key + 1);
  };
  const newVersion = async (input: VersionInput) => {
    const version = await promisesApi.createVersion(org.slug, data.id, input);
    notifySuccess(t('promises.versionCreated', { n: version.version }));
    refresh();
  };
  const retire = async (reason: string) => {
    replace(await promisesApi.retire(org.slug, data.id, reason));
    notifySuccess(t('promises.retired', { title: data.title }));
    setRefreshKey((key) => key + 1);
  };

  const actions = canWrite ? (
    <Group gap="xs">
      {data.status === 'draft' ? (
        <>
          <Button variant="default" onClick={() => setEditOpen(true)}>
            {t('common.edit')}
          </Button>
          <Button onClick={publish} loading={isPublishing} data-testid="publish-button">
            {t('promises.publish')}
          </Button>
        </>
      ) : null}
      {data.status === 'published' ? (
        <>
          <Button variant="subtle" color="red" onClick={() => setRetireOpen(true)}>
            {t('promises.retire.open')}
          </Button>
          <Button variant="default" onClick={() => setVersionOpen(true)}>
            {t('promises.newVersion')}
          </Button>
        </>
      ) : null}
      {can('events:write') && data.status !== 'retired' ? (
        <Button variant="default" onClick={() => setImportOpen(true)}>
          {t('promises.import.open')}
        </Button>
      ) : null}
      <Button variant="subtle" onClick={refresh} loading={status.isLoading && Boolean(status.data)}>
        {t('promises.refresh')}
      </Button>
    </Group>
  ) : (
    <Button variant="subtle" onClick={refresh}>
      {t('promises.refresh')}
    </Button>
  );

  return (
    <Stack gap="md" data-testid="promise-page" data-lifecycle={data.status} data-status={current?.status ?? ''}>
      {back}
      <PageHeader
        title={data.title}
        badge={
          <Group gap={6}>
            <LifecycleBadge status={data.status} />
            <KindBadge kind={data.kind} />
            {current && data.status !== 'draft' ? <FulfillmentBadge status={current.status} /> : null}
            <AlertBadge isFiring={isAlertFiring(current)} />
            <UnbackedBadge isUnbacked={data.unbacked !== null} />
            <BackingWaivedBadge isWaived={data.backingWaiver !== null} />
          </Group>
        }
        description={
          <Text span size="md" c="dark" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="statement">
            {t('promises.quoted', { text: data.terms.statement })}
          </Text>
        }
        actions={actions}
        mb={0}
      />
      {data.unbacked ? (
        <UnbackedNotice missing={data.unbacked} since={format.dateTime(data.unbacked.since)} teamId={data.promiserTeam.id} />
      ) : null}
      {data.backingWaiver && data.status !== 'draft' ? (
        <BackingWaivedNotice waiver={data.backingWaiver} at={format.dateTime(data.backingWaiver.at)} />
      ) : null}
      {refusal && data.status === 'draft' ? (
        <BackingRefusal
          refusal={refusal}
          teamId={data.promiserTeam.id}
          teamName={data.promiserTeam.name}
          isAdmin={org.role === 'admin'}
          onWaive={canWrite && canWaiveBacking(org.role, refusal) ? () => setWaiveOpen(true) : undefined}
        />
      ) : null}
      {data.status === 'draft' ? (
        <Alert color="gray" variant="light" data-testid="draft-notice">
          {t('promises.draftNotice')}
        </Alert>
      ) : null}
      {data.status === 'retired' && data.retiredAt !== null ? (
        <Alert color="gray" variant="light">
          {t('promises.retiredNotice', {
            date: format.date(data.retiredAt),
          })}
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('promises.facts.promiser')}>
            <Anchor component={Link} to={`/o/${org.slug}/teams/${data.promiserTeam.id}`} size="sm" fw={500}>
              {data.promiserTeam.name}
            </Anchor>
          </Fact>
          <Fact label={data.kind === 'client' ? t('promises.facts.segment') : t('promises.facts.promiseeTeam')}>
            {data.promiseeSegment ? (
              <Anchor component={Link} to={`/o/${org.slug}/segments/${data.promiseeSegment.id}`} size="sm" fw={500}>
                {data.promiseeSegment.name}
              </Anchor>
            ) : data.promiseeTeam ? (
              <Anchor component={Link} to={`/o/${org.slug}/teams/${data.promiseeTeam.id}`} size="sm" fw={500}>
                {data.promiseeTeam.name}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('promises.facts.metric')}>{describeMetric(data.terms.metric, t, locale)}</Fact>
          <Fact label={t('promises.facts.targetWindow')}>
            {t('promises.facts.targetWindowValue', {
              target: formatTarget(data.terms.target, locale),
              window: describeWindow(data.terms.window, t),
            })}
          </Fact>
          <Fact label={t('promises.facts.version')}>{t('promises.versions.version', { n: data.terms.version })}</Fact>
          <Fact label={t('promises.facts.redress')}>{describeRedress(data.terms.redress, t, money)}</Fact>
        </SimpleGrid>
        {pains.data && pains.data.length > 0 ? (
          <Stack mt="sm">
            <Fact label={t('promises.facts.pains')}>{pains.data.map((pain) => pain.text).join(' · ')}</Fact>
          </Stack>
        ) : null}
      </Paper>
      {status.error ? (
        <ErrorState error={status.error} onRetry={status.reload} />
      ) : !current ? (
        <LoadingState />
      ) : (
        <>
          <StatusSummary status={current} locale={locale} />
          {current.total > 0 ? (
            <>
              <PromiseBurndown promiseId={data.id} status={current} refreshKey={refreshKey} />
              <PromiseAlerts status={current} windowMs={windowLengthMs(data.terms.window, Date.parse(current.window.to), org.timeZone)} />
            </>
          ) : (
            <Alert color="gray" variant="light" title={t('promises.noDataTitle')} data-testid="no-data">
              {t('promises.noDataText')}
            </Alert>
          )}
        </>
      )}
      {data.status !== 'draft' ? <PromiseHistoryPanel promiseId={data.id} refreshKey={refreshKey} /> : null}
      {data.status !== 'draft' ? <PromiseFeedbackPanel promiseId={data.id} refreshKey={refreshKey} /> : null}
      <ImplementedProposals implementedBy={data.id} />
      <PromiseTree promise={data} refreshKey={refreshKey} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <PromiseBackingPanel promise={data} isRefused={refusal !== null} refreshKey={refreshKey} />
        <PromiseVersions promiseId={data.id} refreshKey={refreshKey} />
      </SimpleGrid>
      {data.kind === 'client' ? <PromiseRedress promiseId={data.id} refreshKey={refreshKey} /> : null}
      <PromiseEvents promiseId={data.id} metric={data.terms.metric} refreshKey={refreshKey} onVoided={refresh} />
      <EventsImportModal
        opened={isImportOpen}
        promiseId={data.id}
        metricKind={data.terms.metric.kind}
        onClose={() => setImportOpen(false)}
        onImported={() => setRefreshKey((key) => key + 1)}
      />
      <PromiseFormModal opened={isEditOpen} onClose={() => setEditOpen(false)} promise={data} onUpdate={update} />
      {org.role === 'admin' ? (
        <WaiveBackingModal
          opened={isWaiveOpen}
          promise={data}
          onClose={() => setWaiveOpen(false)}
          onSubmit={publishWaived}
          onRefused={showRefusal}
        />
      ) : null}
      {data.status === 'published' ? (
        <>
          <VersionModal opened={isVersionOpen} promise={data} onClose={() => setVersionOpen(false)} onSubmit={newVersion} />
          <RetireModal opened={isRetireOpen} promise={data} onClose={() => setRetireOpen(false)} onSubmit={retire} />
        </>
      ) : null}
    </Stack>
  );
}

/** The figures of now: attainment against the target, the budget left, the events counted, the status. */
function StatusSummary({ status, locale }: { status: PromiseStatus; locale: string }) {
  const { t } = useTranslation();
  const hasData = status.total > 0;
  const firing = status.alerts.filter((alert) => alert.firing).length;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="status-summary" data-status={status.status}>
      <Stat
        label={t('promises.summary.attainment')}
        testId="stat-attainment"
        hint={t('promises.summary.ofTarget', { target: formatTarget(status.target, locale) })}
      >
        <Text fz={26} fw={700} c={status.status === 'broken' ? 'red.7' : undefined}>
          {formatAttainment(status.attainment, status.target, locale)}
        </Text>
      </Stat>
      <Stat
        label={t('promises.summary.budget')}
        testId="stat-budget"
        hint={
          hasData
            ? t('promises.summary.budgetConsumed', { consumed: formatPercent(status.budgetConsumed, locale, 0) })
            : t('promises.summary.noData')
        }
      >
        <Text
          fz={26}
          fw={700}
          c={hasData && status.budgetRemaining < 0 ? 'red.7' : hasData && status.budgetRemaining < 0.25 ? 'orange.8' : undefined}
        >
          {hasData ? formatPercent(status.budgetRemaining, locale, 0) : '—'}
        </Text>
      </Stat>
      <Stat
        label={t('promises.summary.events')}
        testId="stat-events"
        hint={t('promises.summary.bad', { n: formatNumber(status.total - status.good, locale, 0) })}
      >
        <Text fz={26} fw={700}>
          {t('promises.summary.goodOfTotal', { good: formatNumber(status.good, locale, 0), total: formatNumber(status.total, locale, 0) })}
        </Text>
      </Stat>
      <Stat
        label={t('promises.summary.status')}
        testId="stat-status"
        hint={firing > 0 ? t('promises.summary.firing', { n: firing }) : t(`promises.fulfillmentHints.${status.status}`)}
      >
        <Group gap={6} mt={6}>
          <FulfillmentBadge status={status.status} size="lg" />
        </Group>
      </Stat>
    </SimpleGrid>
  );
}

function Stat({ label, hint, testId, children }: { label: string; hint: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}
