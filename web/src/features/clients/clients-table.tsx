import { Button, Group, Menu, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/types';
import { useFormat } from '../../shared/format';

interface ClientsTableProps {
  clients: Client[];
  canWrite: boolean;
  onEdit: (client: Client) => void;
  onDelete: (client: Client) => void;
  onInvitations: (client: Client) => void;
}

export function ClientsTable({ clients, canWrite, onEdit, onDelete, onInvitations }: ClientsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" data-testid="clients-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clients.name')}</Table.Th>
            <Table.Th>{t('clients.email')}</Table.Th>
            <Table.Th>{t('clients.externalId')}</Table.Th>
            <Table.Th>{t('clients.addedAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.id}>
              <Table.Td fw={500}>{client.name}</Table.Td>
              <Table.Td>{client.email ?? <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td>{client.externalId ?? <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td>{format.date(client.createdAt)}</Table.Td>
              <Table.Td>
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
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
