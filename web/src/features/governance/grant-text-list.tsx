import { Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { useGovernanceFormat } from './format';
import type { Grant, RightsTree } from './governance.api';
import { STATE_COLORS } from './grant-card';
import { chainLabels, grantState, originChain } from './rights-model';

interface GrantTextListProps {
  tree: RightsTree;
  visible: (grant: Grant) => boolean;
  rightFilter: string | null;
}

/** The same grants as text, right by right, each with its path: for screen readers and for reading. */
export function GrantTextList({ tree, visible, rightFilter }: GrantTextListProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useGovernanceFormat();
  const all = tree.rights.flatMap((entry) => entry.grants);
  const byId = new Map(all.map((grant) => [grant.id, grant] as const));
  const names = { organization: org.name, council: t('governance.flow.council') };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="grant-list-title">
      <Title order={4} id="grant-list-title" mb="sm">
        {t('governance.flow.listTitle')}
      </Title>
      <Stack gap="md" data-testid="grant-list">
        {tree.rights
          .filter((entry) => rightFilter === null || entry.right.id === rightFilter)
          .map((entry) => {
            const grants = entry.grants.filter(visible);
            return (
              <div key={entry.right.id}>
                <Text fw={600}>{entry.right.name}</Text>
                {entry.right.description ? (
                  <Text size="sm" c="dimmed">
                    {entry.right.description}
                  </Text>
                ) : null}
                {grants.length === 0 ? (
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('governance.flow.notGranted')}
                  </Text>
                ) : (
                  <List size="sm" spacing={4} mt={4}>
                    {grants.map((grant) => {
                      const state = grantState(grant);
                      return (
                        <List.Item
                          key={grant.id}
                          data-testid="grant-list-item"
                          data-active={String(grant.active)}
                          data-right={grant.rightName}
                          data-holder={grant.holderName}
                        >
                          <Text span size="sm" td={state === 'revoked' ? 'line-through' : undefined}>
                            {chainLabels(originChain(grant, byId), names).join(' → ')}
                          </Text>
                          <Text span size="sm" c="dimmed">
                            {' — '}
                            {format.cap(grant.limits)}
                            {grant.limits.scope ? `, ${grant.limits.scope}` : ''}
                          </Text>{' '}
                          <Badge size="xs" variant="light" color={STATE_COLORS[state]}>
                            {t(`governance.states.${state}`)}
                          </Badge>
                        </List.Item>
                      );
                    })}
                  </List>
                )}
              </div>
            );
          })}
      </Stack>
    </Paper>
  );
}
