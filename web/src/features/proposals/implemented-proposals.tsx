import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ProposalStatusBadge } from './proposal-badges';
import { proposalsApi } from './proposals.api';

/** The clients' proposals this promise or decision implements: the chain read from its other end. */
export function ImplementedProposals({ implementedBy }: { implementedBy: string }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const proposals = useResource(
    () => proposalsApi.list(org.slug, { implementedBy, status: 'implemented' }),
    `${org.slug}|${implementedBy}`,
  );
  const items = proposals.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="implemented-proposals">
      <Stack gap="xs">
        <Title order={4}>{t('proposals.implementsTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('proposals.implementsHint')}
        </Text>
        {items.map((p) => (
          <Group key={p.id} gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/o/${org.slug}/proposals/${p.id}`}>
              {p.title}
            </Anchor>
            <ProposalStatusBadge status={p.status} />
            <Text size="xs" c="dimmed">
              {t('proposals.supportsCount', { count: p.supports })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
