import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { PageHeader } from '../../shared/ui/page-header';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useMutationForm } from '../../shared/use-mutation-form';
import { PromiseFeedbackPanel } from '../feedback/promise-feedback-panel';
import { ImplementedProposals } from '../proposals/implemented-proposals';
import { ActingForField } from './acting-for-field';
import { AlertBadge, BackingWaivedBadge, FulfillmentBadge, KindBadge, LifecycleBadge, UnbackedBadge } from './badges';
import { EventsImportModal } from './events-import-modal';
import { GiveIntention } from './give-intention';
import { PromiseActions } from './promise-actions';
import { PromiseAlerts } from './promise-alerts';
import { canWaiveBacking, missingFromError, type PublishRefusal } from './promise-backing';
import { PromiseBackingPanel } from './promise-backing-panel';
import { PromiseBurndown } from './promise-burndown';
import { OverCapacityBadge, PromiseCapacityPanel, PublishWarnings } from './promise-capacity';
import { isNotPromiser, localizePromiseError } from './promise-errors';
import { PromiseEvents } from './promise-events';
import { PromiseFacts, PromiseNotices } from './promise-facts';
import { PromiseFormModal } from './promise-form-modal';
import { formatAttainment, formatNumber, formatPercent, formatTarget, isAlertFiring } from './promise-format';
import { PromiseHistoryPanel } from './promise-history-panel';
import { PromiseRedress } from './promise-redress';
import { PromiseTree } from './promise-tree';
import { PromiseVersions } from './promise-versions';
import {
  type PromiseItem,
  type PromisePatch,
  type PromiseStatus,
  type PromiseWarning,
  promisesApi,
  type VersionInput,
} from './promises.api';
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
  const [refreshKey, setRefreshKey] = useState(0);
  const [isEditOpen, setEditOpen] = useState(false);
  const [isVersionOpen, setVersionOpen] = useState(false);
  const [isRetireOpen, setRetireOpen] = useState(false);
  const [isImportOpen, setImportOpen] = useState(false);
  const [isWaiveOpen, setWaiveOpen] = useState(false);
  const publishing = useMutationForm([]);
  const [refusal, setRefusal] = useState<PublishRefusal | null>(null);
  // Published, but promised more than the team can do: said after publishing, never refused.
  const [publishWarnings, setPublishWarnings] = useState<PromiseWarning[]>([]);
  const promise = useResource(() => promisesApi.get(org.slug, id), `${org.slug}|${id}`);
  const status = useResource(() => promisesApi.status(org.slug, id), `${org.slug}|${id}|${refreshKey}`);

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
  const publish = () =>
    publishing.run(
      async () => {
        setRefusal(null);
        const published = await promisesApi.publish(org.slug, data.id);
        replace(published);
        setPublishWarnings(published.warnings);
        setRefreshKey((key) => key + 1);
      },
      {
        success: t('promises.published', { title: data.title }),
        // A promise nobody can keep is refused with what is missing, shown at the top of the page.
        onError: (error) => (showRefusal(error) ? null : isNotPromiser(error) ? error : localizePromiseError(error)),
      },
    );
  const publishWaived = async (reason: string) => {
    const published = await promisesApi.publish(org.slug, data.id, { backingWaiver: { reason } });
    replace(published);
    setPublishWarnings(published.warnings);
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

  const actions = (
    <PromiseActions
      promise={data}
      canWrite={canWrite}
      onEdit={() => setEditOpen(true)}
      onPublish={publish}
      isPublishing={publishing.isBusy}
      onRetire={() => setRetireOpen(true)}
      onNewVersion={() => setVersionOpen(true)}
      onImport={() => setImportOpen(true)}
      onRefresh={refresh}
      isRefreshing={status.isLoading && Boolean(status.data)}
    />
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
            <OverCapacityBadge isOver={data.overCapacity !== null} />
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
      <PromiseNotices
        promise={data}
        refusal={refusal}
        onWaive={refusal && canWrite && canWaiveBacking(org.role, refusal) ? () => setWaiveOpen(true) : undefined}
      />
      <PublishWarnings warnings={publishWarnings} />
      {canWrite && data.status !== 'retired' ? <ActingForField /> : null}
      {canWrite && data.isIntention ? <GiveIntention promise={data} onGiven={refresh} /> : null}
      <PromiseFacts promise={data} />
      <PromiseCapacityPanel promise={data} refreshKey={refreshKey} />
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
        {data.promiserTeam ? <PromiseBackingPanel promise={data} isRefused={refusal !== null} refreshKey={refreshKey} /> : null}
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
