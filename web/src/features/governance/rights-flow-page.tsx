import { Box, Button, Group, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../shared/api/error-messages';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { PlusIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { teamsApi } from '../teams/teams.api';
import { type Grant, governanceApi, type RightsTree } from './governance.api';
import { GrantTextList } from './grant-text-list';
import { RightFormModal } from './right-form-modal';
import { RightsFlowDiagram, rightColor } from './rights-flow-diagram';
import type { TeamRef } from './rights-model';

async function loadFlow(org: string): Promise<{ tree: RightsTree; teams: TeamRef[] }> {
  const [tree, teams] = await Promise.all([governanceApi.tree(org), loadAllPages((cursor) => teamsApi.list(org, cursor))]);
  return { tree, teams: teams.map((team) => ({ id: team.id, name: team.name, kind: team.kind })) };
}

/** `/o/:org/rights`: how decision rights flow from the organization and the council to teams and roles. */
export function RightsFlowPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const data = useResource(() => loadFlow(org.slug), org.slug);
  const [rightId, setRightId] = useState<string | null>(null);
  const [showRevoked, setShowRevoked] = useState(true);
  const [isCreating, setCreating] = useState(false);
  const canDefine = can('governance:write');

  const createRight = async (input: { name: string; description: string }) => {
    const right = await governanceApi.createRight(org.slug, input);
    notifySuccess(t('governance.rights.created', { name: right.name }));
    await data.reload();
  };

  const header = (
    <PageHeader
      title={t('governance.flow.title')}
      description={t('governance.flow.description')}
      actions={
        canDefine ? (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
            {t('governance.rights.create')}
          </Button>
        ) : null
      }
    />
  );
  const modal = <RightFormModal opened={isCreating} onClose={() => setCreating(false)} onSubmit={createRight} />;

  if (data.isLoading && !data.data)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  if (data.error || !data.data) {
    return (
      <>
        {header}
        <ErrorState error={data.error} onRetry={data.reload} />
      </>
    );
  }
  const { tree, teams } = data.data;
  const rightIndex = new Map(tree.rights.map((entry, index) => [entry.right.id, index] as const));
  const all = tree.rights.flatMap((entry) => entry.grants);
  const visible = (grant: Grant) => (rightId === null || grant.rightId === rightId) && (showRevoked || grant.active);
  const shown = all.filter(visible);

  return (
    <>
      {header}
      {tree.rights.length === 0 ? (
        <EmptyState
          title={t('governance.flow.noRights')}
          hint={canDefine ? t('governance.flow.noRightsHint') : t('governance.flow.noRightsReadOnly')}
        />
      ) : (
        <Stack gap="md">
          <Group gap="md" align="flex-end" wrap="wrap">
            <Select
              label={t('governance.flow.filterRight')}
              placeholder={t('governance.flow.allRights')}
              data={tree.rights.map((entry) => ({ value: entry.right.id, label: entry.right.name }))}
              value={rightId}
              onChange={setRightId}
              clearable
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              style={{ flex: '0 1 320px' }}
            />
            <Switch
              label={t('governance.flow.showRevoked')}
              checked={showRevoked}
              onChange={(event) => setShowRevoked(event.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <Paper withBorder radius="md" p="md">
            <Group gap="md" mb="sm" wrap="wrap">
              {tree.rights
                .filter((entry) => rightId === null || entry.right.id === rightId)
                .map((entry) => (
                  <Group key={entry.right.id} gap={6} wrap="nowrap">
                    <Box w={14} h={4} style={{ background: rightColor(rightIndex.get(entry.right.id) ?? 0), borderRadius: 2 }} />
                    <Text size="xs">{entry.right.name}</Text>
                  </Group>
                ))}
              <Group gap={6} wrap="nowrap">
                <svg width={22} height={6} aria-hidden="true">
                  <line
                    x1={0}
                    y1={3}
                    x2={22}
                    y2={3}
                    stroke="var(--mantine-color-gray-6)"
                    strokeWidth={1.5}
                    strokeDasharray="5 3"
                    opacity={0.6}
                  />
                </svg>
                <Text size="xs" c="dimmed">
                  {t('governance.flow.revokedLegend')}
                </Text>
              </Group>
            </Group>
            {shown.length === 0 ? (
              <Text size="sm" c="dimmed" py="lg" ta="center">
                {all.length === 0 ? t('governance.flow.noGrants') : t('governance.flow.nothingShown')}
              </Text>
            ) : (
              <RightsFlowDiagram grants={shown} allGrants={all} teams={teams} rightIndex={rightIndex} />
            )}
          </Paper>
          <GrantTextList tree={tree} visible={visible} rightFilter={rightId} />
        </Stack>
      )}
      {modal}
    </>
  );
}
