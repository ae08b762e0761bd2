import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTEXT_FIELDS } from '../../../../src/core/discovery/context';
import { useFormat } from '../../shared/format';
import { EvidenceBadge } from './badges';
import { ContextFormModal } from './context-form-modal';
import type { SegmentContext, SegmentContextInput } from './discovery.api';
import { useWorkspace } from './workspace-context';

/**
 * Step 2 at segment level: the client's situation, regulations, market and channels, how many of the
 * four are filled, and the evidence behind them. Text is shown as typed (React escapes it; Markdown
 * stays literal), line breaks kept.
 */
export function ContextCard({ onSave }: { onSave: (input: SegmentContextInput) => Promise<unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ws = useWorkspace();
  const { context, segment } = ws.data;
  const [editing, setEditing] = useState<SegmentContext | null>(null);
  const color = context.isComplete ? 'teal' : context.filledCount === 0 ? 'gray' : 'yellow';
  const openEvidence = () =>
    ws.openEvidence({ kind: 'context', item: { id: segment.id, text: t('segmentContext.evidenceSubject', { name: segment.name }) } });

  return (
    <Paper withBorder radius="md" p="md" data-testid="context-card">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Title order={5}>{t('segmentContext.title')}</Title>
            <Badge variant="light" color={color} data-testid="context-filled">
              {t('segmentContext.filled', { filled: context.filledCount, total: context.fieldCount })}
            </Badge>
            <EvidenceBadge count={context.evidenceCount} onClick={openEvidence} />
          </Group>
          {ws.canWrite ? (
            <Button size="compact-sm" variant="light" onClick={() => setEditing(context)}>
              {context.version === 0 ? t('segmentContext.fill') : t('segmentContext.edit')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          {CONTEXT_FIELDS.map((field) => (
            <Stack key={field} gap={2} data-testid={`context-${field}`}>
              <Text size="xs" fw={600} c="dimmed">
                {t(`segmentContext.fields.${field}`)}
              </Text>
              {context[field] ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {context[field]}
                </Text>
              ) : (
                <Text size="sm" c="dimmed" fs="italic">
                  {t(`segmentContext.empty.${field}`)}
                </Text>
              )}
            </Stack>
          ))}
        </SimpleGrid>
        {context.updatedAt ? (
          <Text size="xs" c="dimmed">
            {t('segmentContext.version', {
              version: context.version,
              at: format.dateTime(context.updatedAt),
              by: context.updatedBy ?? '',
            })}
          </Text>
        ) : null}
      </Stack>
      <ContextFormModal context={editing} onClose={() => setEditing(null)} onSubmit={onSave} />
    </Paper>
  );
}
