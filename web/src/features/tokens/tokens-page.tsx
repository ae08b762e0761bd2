import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Token } from '../../shared/api/types';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { DataList } from '../../shared/ui/data-list';
import { PlusIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { CreateTokenModal } from './create-token-modal';
import { tokenColumns } from './token-columns';
import { tokensApi } from './tokens.api';

export function TokensPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const format = useFormat();
  const [isCreateOpen, createModal] = useDisclosure(false);
  const [toRevoke, setToRevoke] = useState<Token | null>(null);
  const canManage = can('tokens:manage');
  const list = usePagedList(
    (cursor) => (canManage ? tokensApi.list(org.slug, cursor) : Promise.resolve({ items: [], nextCursor: null })),
    `${org.slug}|${canManage}`,
  );

  if (!canManage) return <EmptyState title={t('tokens.adminOnly')} />;

  const revoke = async (token: Token) => {
    try {
      const revoked = await tokensApi.revoke(org.slug, token.id);
      list.setItems((items) => items.map((item) => (item.id === revoked.id ? revoked : item)));
      notifySuccess(t('tokens.revokedNotice', { name: token.name }));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const createButton = (
    <Button leftSection={<PlusIcon size={16} />} onClick={createModal.open}>
      {t('tokens.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} actions={createButton} />
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('tokens.emptyTitle')} hint={t('tokens.emptyHint')} action={createButton} />
      ) : (
        <DataList
          items={list.items}
          columns={tokenColumns(t, format, setToRevoke)}
          rowKey={(token) => token.id}
          testId="tokens-table"
          minWidth={880}
        />
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <CreateTokenModal
        opened={isCreateOpen}
        onClose={createModal.close}
        onCreated={({ token: _secret, ...token }) => list.setItems((items) => [...items, token])}
      />
      <ConfirmDialog
        opened={toRevoke !== null}
        onClose={() => setToRevoke(null)}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeConfirm', { name: toRevoke?.name ?? '' })}
        confirmLabel={t('common.revoke')}
        onConfirm={() => (toRevoke ? revoke(toRevoke) : Promise.resolve())}
      />
    </>
  );
}
