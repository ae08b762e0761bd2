import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ValueItemKind } from '../../shared/api/types';
import { ValueItemCard } from './value-item-card';
import { useWorkspace } from './workspace-context';
import { WorkspaceSection } from './workspace-section';

const KINDS: ValueItemKind[] = ['product', 'reliever', 'creator'];

/** The right half of the Value Proposition Canvas: what the organization offers and how it answers. */
export function ValueMapColumn() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="value-map">
      <Stack gap={2} mb="md">
        <Title order={3}>{t('workspace.valueMapTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('workspace.valueMapHint')}
        </Text>
      </Stack>
      <Stack gap="lg">
        {KINDS.map((kind) => {
          const items = ws.data.valueItems.filter((item) => item.kind === kind);
          return (
            <WorkspaceSection
              key={kind}
              title={t(`workspace.valueKinds.${kind}`)}
              count={items.length}
              emptyHint={t(`workspace.valueEmpty.${kind}`)}
              addLabel={t(`workspace.valueAdd.${kind}`)}
              onAdd={ws.canWrite && !ws.linking ? () => ws.openForm({ kind }) : undefined}
              testId={`section-${kind}s`}
            >
              {items.map((item) => (
                <ValueItemCard key={item.id} item={item} />
              ))}
            </WorkspaceSection>
          );
        })}
      </Stack>
    </Paper>
  );
}
