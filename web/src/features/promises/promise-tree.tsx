import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { FulfillmentBadge, LifecycleBadge } from './badges';
import { formatPercent, mapLimited } from './promise-format';
import { type PromiseItem, type PromiseStatus, promisesApi } from './promises.api';

interface Node {
  promise: PromiseItem;
  status: PromiseStatus | null;
}

interface TreeData {
  supports: Node | null;
  supporters: Node[];
}

/** The promises whose trouble puts this one at risk: supporting promises broken or at risk. */
export function troubledSupporters(supporters: readonly Node[]): Node[] {
  return supporters.filter(
    (node) => node.promise.status === 'published' && (node.status?.status === 'broken' || node.status?.status === 'at_risk'),
  );
}

/**
 * The tree of promises around this one: the client promise it supports, and the internal promises
 * (team to team) that support it — a broken or at-risk supporter puts it at risk.
 */
export function PromiseTree({ promise, refreshKey }: { promise: PromiseItem; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const locale = intlLocale(i18n.language);
  const data = useResource<TreeData>(async () => {
    const all = await loadAllPages((cursor) => promisesApi.list(org.slug, { cursor }));
    const supported = promise.supportsPromiseId ? (all.find((p) => p.id === promise.supportsPromiseId) ?? null) : null;
    const children = all.filter((p) => p.supportsPromiseId === promise.id && p.status !== 'retired');
    const nodes = [...(supported ? [supported] : []), ...children];
    const statuses = await mapLimited(nodes, 6, (p) => promisesApi.status(org.slug, p.id).catch(() => null));
    const withStatus = nodes.map((p, i) => ({ promise: p, status: statuses[i] ?? null }));
    return { supports: supported ? (withStatus[0] as Node) : null, supporters: withStatus.slice(supported ? 1 : 0) };
  }, `${org.slug}|${promise.id}|${refreshKey}`);

  if (!data.data) return null;
  const { supports, supporters } = data.data;
  if (!supports && supporters.length === 0) return null;
  const troubled = troubledSupporters(supporters);

  const line = (node: Node) => (
    <Group key={node.promise.id} gap="xs" wrap="wrap" data-testid="tree-node">
      <Anchor component={Link} to={`/o/${org.slug}/promises/${node.promise.id}`} size="sm" fw={500}>
        {node.promise.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {node.promise.promiserTeam?.name ?? '—'} → {node.promise.promiseeSegment?.name ?? node.promise.promiseeTeam?.name ?? '—'}
      </Text>
      {node.promise.status !== 'published' ? <LifecycleBadge status={node.promise.status} /> : null}
      {node.status ? (
        <>
          <FulfillmentBadge status={node.status.status} size="sm" />
          <Text size="xs" c="dimmed">
            {formatPercent(node.status.attainment, locale)}
          </Text>
        </>
      ) : null}
    </Group>
  );

  return (
    <Paper withBorder radius="md" p="md" data-testid="promise-tree">
      <Stack gap="xs">
        <Title order={3}>{t('promises.tree.title')}</Title>
        {troubled.length > 0 ? (
          <Alert color="yellow" variant="light" data-testid="at-risk-because">
            {t('promises.tree.atRiskBecause', {
              names: troubled.map((node) => t('promises.quoted', { text: node.promise.title })).join(', '),
            })}
          </Alert>
        ) : null}
        {supports ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('promises.tree.supports')}
            </Text>
            {line(supports)}
          </Stack>
        ) : null}
        {supporters.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('promises.tree.supportedBy')}
            </Text>
            {supporters.map(line)}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
