import { Button, Group, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/types';
import { useFormat } from '../../shared/format';
import { type Column, DataList } from '../../shared/ui/data-list';

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
  const columns: Column<Client>[] = [
    {
      key: 'name',
      header: t('clients.name'),
      isPrimary: true,
      render: (client) => (
        <Text size="sm" fw={600}>
          {client.name}
        </Text>
      ),
    },
    { key: 'email', header: t('clients.email'), render: (client) => client.email ?? dash },
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
