import { Alert, Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../shared/api/use-resource';
import { useGovernanceFormat } from '../../shared/governance-format';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { discoveryApi } from '../discovery/discovery.api';
import { BackingRefusal, BackingWaivedNotice, UnbackedNotice } from './backing-notice';
import type { PublishRefusal } from './promise-backing';
import { describeMetric, describeWindow, formatTarget } from './promise-format';
import { describeRedress } from './promise-versions';
import { type PromiseItem, teamOf } from './promises.api';

/** What a promise's state asks the reader to know first: unbacked, waived, refused, a draft, retired. */
export function PromiseNotices({
  promise,
  refusal,
  onWaive,
}: {
  promise: PromiseItem;
  /** The last refused "Publish": what is missing. */
  refusal: PublishRefusal | null;
  /** Publishing without the backing, for who may waive it. */
  onWaive?: () => void;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useGovernanceFormat();
  return (
    <>
      {promise.unbacked ? (
        <UnbackedNotice missing={promise.unbacked} since={format.dateTime(promise.unbacked.since)} teamId={teamOf(promise).id} />
      ) : null}
      {promise.backingWaiver && promise.status !== 'draft' ? (
        <BackingWaivedNotice waiver={promise.backingWaiver} at={format.dateTime(promise.backingWaiver.at)} />
      ) : null}
      {refusal && promise.status === 'draft' ? (
        <BackingRefusal
          refusal={refusal}
          teamId={teamOf(promise).id}
          teamName={teamOf(promise).name}
          isAdmin={org.role === 'admin'}
          onWaive={onWaive}
        />
      ) : null}
      {promise.isIntention ? (
        <Alert color="yellow" variant="light" title={t('promises.intentions.badge')} data-testid="intention-notice">
          {t('promises.intentions.notice')}
        </Alert>
      ) : promise.status === 'draft' ? (
        <Alert color="gray" variant="light" data-testid="draft-notice">
          {t('promises.draftNotice')}
        </Alert>
      ) : null}
      {promise.overrides.length > 0 ? (
        <Alert color="orange" variant="light" title={t('promises.overrides.title')} data-testid="promise-overrides">
          <Stack gap={4}>
            {promise.overrides.map((o) => (
              <Text key={`${o.at}-${o.action}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('promises.overrides.item', { date: format.dateTime(o.at), by: o.by, action: o.action, reason: o.reason })}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {promise.status === 'retired' && promise.retiredAt !== null ? (
        <Alert color="gray" variant="light">
          {t('promises.retiredNotice', {
            date: format.date(promise.retiredAt),
          })}
        </Alert>
      ) : null}
    </>
  );
}

/** Who promises what to whom: the parties, the metric, the target and window, the version, the redress and the pains answered. */
export function PromiseFacts({ promise }: { promise: PromiseItem }) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const locale = intlLocale(i18n.language);
  const money = useGovernanceFormat().money;
  const segmentId = promise.promiseeSegment?.id ?? null;
  const painIds = promise.painIds.join(',');
  const pains = useResource(
    async () =>
      segmentId && painIds ? (await discoveryApi.workspace(org.slug, segmentId)).pains.filter((p) => painIds.includes(p.id)) : [],
    `${org.slug}|${segmentId}|${painIds}`,
  );
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm">
        <Fact label={t('promises.facts.promiser')}>
          {promise.promiserTeam ? (
            <Anchor component={Link} to={`/o/${org.slug}/teams/${promise.promiserTeam.id}`} size="sm" fw={500}>
              {promise.promiserTeam.name}
            </Anchor>
          ) : (
            t('promises.intentions.noTeam')
          )}
        </Fact>
        <Fact label={promise.kind === 'client' ? t('promises.facts.segment') : t('promises.facts.promiseeTeam')}>
          {promise.promiseeSegment ? (
            <Anchor component={Link} to={`/o/${org.slug}/segments/${promise.promiseeSegment.id}`} size="sm" fw={500}>
              {promise.promiseeSegment.name}
            </Anchor>
          ) : promise.promiseeTeam ? (
            <Anchor component={Link} to={`/o/${org.slug}/teams/${promise.promiseeTeam.id}`} size="sm" fw={500}>
              {promise.promiseeTeam.name}
            </Anchor>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label={t('promises.facts.metric')}>{describeMetric(promise.terms.metric, t, locale)}</Fact>
        <Fact label={t('promises.facts.targetWindow')}>
          {t('promises.facts.targetWindowValue', {
            target: formatTarget(promise.terms.target, locale),
            window: describeWindow(promise.terms.window, t),
          })}
        </Fact>
        <Fact label={t('promises.facts.version')}>{t('promises.versions.version', { n: promise.terms.version })}</Fact>
        <Fact label={t('promises.facts.redress')}>{describeRedress(promise.terms.redress, t, money)}</Fact>
      </SimpleGrid>
      {pains.data && pains.data.length > 0 ? (
        <Stack mt="sm">
          <Fact label={t('promises.facts.pains')}>{pains.data.map((pain) => pain.text).join(' · ')}</Fact>
        </Stack>
      ) : null}
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
