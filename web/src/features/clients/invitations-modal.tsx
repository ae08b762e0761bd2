import { Button, Divider, Modal, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Client, Invitation } from '../../shared/api/types';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { type Column, DataList, useIsNarrow } from '../../shared/ui/data-list';
import { LoadingState, LoadMore } from '../../shared/ui/states';
import { clientsApi } from './clients.api';
import { InvitationStatusBadge } from './invitation-status-badge';
import { NewInvitation } from './new-invitation';

/** A client's invitation links to the client portal: make one, see each one's status, revoke an unused one. */
export function InvitationsModal({ client, onClose }: { client: Client | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isNarrow = useIsNarrow();
  return (
    <Modal
      opened={client !== null}
      onClose={onClose}
      title={t('invitations.title', { name: client?.name ?? '' })}
      size="xl"
      fullScreen={isNarrow}
    >
      {client ? <InvitationsBody client={client} /> : null}
    </Modal>
  );
}

function InvitationsBody({ client }: { client: Client }) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const format = useFormat();
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);
  const list = usePagedList((cursor) => clientsApi.invitations(org.slug, client.id, cursor), `${org.slug}|${client.id}`);
  const canWrite = can('clients:write');

  const revoke = async (invitation: Invitation) => {
    try {
      await clientsApi.revokeInvitation(org.slug, client.id, invitation.id);
      list.setItems((items) => items.map((item) => (item.id === invitation.id ? { ...item, status: 'revoked' as const } : item)));
      notifySuccess(t('invitations.revoked'));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const columns: Column<Invitation>[] = [
    {
      key: 'status',
      header: t('invitations.statusLabel'),
      isPrimary: true,
      render: (item) => <InvitationStatusBadge status={item.status} />,
    },
    { key: 'createdAt', header: t('invitations.createdAt'), render: (item) => format.dateTime(item.createdAt) },
    { key: 'expiresAt', header: t('invitations.expires'), render: (item) => format.dateTime(item.expiresAt) },
    { key: 'usedAt', header: t('invitations.usedAt'), render: (item) => (item.usedAt ? format.dateTime(item.usedAt) : '—') },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      align: 'right',
      render: (item) =>
        item.status === 'pending' ? (
          <Button size="xs" variant="subtle" color="red" onClick={() => setToRevoke(item)}>
            {t('common.revoke')}
          </Button>
        ) : null,
    });
  }

  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        {t('invitations.description')}
      </Text>
      {canWrite ? <NewInvitation client={client} onCreated={() => void list.reload()} /> : null}
      <Divider my="md" />
      <Title order={5} mb="xs">
        {t('invitations.listTitle')}
      </Title>
      {list.isLoading ? (
        <LoadingState />
      ) : list.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {canWrite ? t('invitations.emptyHint') : t('invitations.empty')}
        </Text>
      ) : (
        <DataList
          items={list.items}
          columns={columns}
          rowKey={(invitation) => invitation.id}
          minWidth={560}
          isEmbedded
          testId="invitations"
        />
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <ConfirmDialog
        opened={toRevoke !== null}
        onClose={() => setToRevoke(null)}
        title={t('invitations.revokeTitle')}
        message={t('invitations.revokeConfirm', { name: client.name })}
        confirmLabel={t('common.revoke')}
        onConfirm={() => (toRevoke ? revoke(toRevoke) : Promise.resolve())}
      />
    </>
  );
}
