import { Badge, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../shared/api/types';
import { useFormat } from '../../shared/format';
import { actionLabel } from './audit.api';
import { AuditDetails } from './audit-details';
import { actionColor, entityLabel } from './audit-labels';

/** One audit entry on a phone: the same facts as a table row, stacked. */
export function AuditCard({ entry, isOpen, onToggle }: { entry: AuditEntry; isOpen: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="md" data-action={entry.action}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Badge variant="light" color={actionColor(entry.action)}>
            {actionLabel(t, entry.action)}
          </Badge>
          <Text size="xs" c="dimmed">
            {format.dateTime(entry.at)}
          </Text>
        </Group>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {entityLabel(entry)}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            · {t(`audit.entities.${entry.entityType}`, { defaultValue: entry.entityType })}
          </Text>
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {entry.actor.label} · {t(`audit.actorTypes.${entry.actor.type}`)}
        </Text>
        <Group justify="flex-end">
          <Button size="xs" variant="subtle" onClick={onToggle} aria-expanded={isOpen}>
            {isOpen ? t('audit.hideChanges') : t('audit.showChanges')}
          </Button>
        </Group>
        <Collapse in={isOpen}>{isOpen ? <AuditDetails entry={entry} /> : null}</Collapse>
      </Stack>
    </Paper>
  );
}
