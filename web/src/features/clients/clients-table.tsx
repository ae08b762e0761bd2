import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/types';
import { useFormat } from '../../shared/format';
import { type Column, DataList } from '../../shared/ui/data-list';
import { useSegmentOptions } from './use-segment-options';

interface ClientsTableProps {
  clients: Client[];
  canWrite: boolean;
  onEdit: (client: Client) => void;
  onDelete: (client: Client) => void;
  onInvitations: (client: Client) => void;
}

const dash = (
  <Text c="dimmed" size="sm">
    —
  </Text>
);

export function ClientsTable({ clients, canWrite, onEdit, onDelete, onInvitations }: ClientsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const segments = useSegmentOptions();
  const columns: Column<Client>[] = [
    {
      key: 'name',
      header: t('clients.name'),
      isPrimary: true,
      render: (client) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {client.name}
          </Text>
          {client.origin === 'self' ? (
            <Badge size="xs" variant="light" color="grape">
              {t('voice.clients.registered')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      key: 'email',
      header: t('clients.email'),
      render: (client) =>
        client.email ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{client.email}</Text>
            {client.emailConfirmedAt !== null ? (
              <Badge size="xs" color="green" variant="light" title={t('voice.clients.confirmedHint')}>
                {t('voice.clients.confirmed')}
              </Badge>
            ) : null}
          </Group>
        ) : (
          dash
        ),
    },
    {
      key: 'segments',
      header: t('voice.clients.segments'),
      render: (client) =>
        client.segmentIds.length ? (
          <Group gap={4}>
            {client.segmentIds.map((id) => (
              <Badge key={id} size="sm" variant="outline">
                {segments.nameOf(id)}
              </Badge>
            ))}
          </Group>
        ) : (
          dash
        ),
    },
    { key: 'externalId', header: t('clients.externalId'), render: (client) => client.externalId ?? dash },
    { key: 'addedAt', header: t('clients.addedAt'), render: (client) => format.date(client.createdAt) },
    {
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      align: 'right',
      render: (client) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="light" onClick={() => onInvitations(client)}>
            {t('clients.invitations')}
          </Button>
          {canWrite ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="subtle" color="gray" aria-label={t('clients.moreActions', { name: client.name })}>
                  ⋯
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => onEdit(client)}>{t('common.edit')}</Menu.Item>
                <Menu.Item color="red" onClick={() => onDelete(client)}>
                  {t('common.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      ),
    },
  ];
  return <DataList items={clients} columns={columns} rowKey={(client) => client.id} testId="clients-table" minWidth={720} />;
}
