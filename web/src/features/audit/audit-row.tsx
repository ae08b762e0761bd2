import { ActionIcon, Badge, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../shared/api/types';
import { useFormat } from '../../shared/format';
import { ChevronIcon } from '../../shared/ui/icons';
import { actionLabel } from './audit.api';
import { AuditDetails } from './audit-details';
import { actionColor, entityLabel } from './audit-labels';

export function AuditRow({ entry, isOpen, onToggle }: { entry: AuditEntry; isOpen: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Fragment>
      <Table.Tr data-action={entry.action}>
        <Table.Td w={44}>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onToggle}
            aria-expanded={isOpen}
            aria-label={isOpen ? t('audit.hideChanges') : t('audit.showChanges')}
          >
            <ChevronIcon open={isOpen} size={16} />
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
        <Table.Td>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {entry.actor.label}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`audit.actorTypes.${entry.actor.type}`)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={2}>
            <Badge variant="light" color={actionColor(entry.action)} style={{ alignSelf: 'flex-start' }}>
              {actionLabel(t, entry.action)}
            </Badge>
            <Text size="xs" c="dimmed" ff="monospace">
              {entry.action}
            </Text>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {entityLabel(entry)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`audit.entities.${entry.entityType}`, { defaultValue: entry.entityType })}
          </Text>
        </Table.Td>
      </Table.Tr>
      {isOpen ? (
        <Table.Tr>
          <Table.Td colSpan={5} bg="var(--mantine-color-gray-0)">
            <AuditDetails entry={entry} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}
