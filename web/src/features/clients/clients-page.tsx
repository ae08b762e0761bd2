import { Button, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Client } from '../../shared/api/types';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { PlusIcon, SearchIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { ClientFormModal } from './client-form-modal';
import { type ClientInput, clientsApi } from './clients.api';
import { ClientsTable } from './clients-table';
import { InvitationsModal } from './invitations-modal';

export function ClientsPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [isAddOpen, addModal] = useDisclosure(false);
  const [toEdit, setToEdit] = useState<Client | null>(null);
  const [toDelete, setToDelete] = useState<Client | null>(null);
  const [toInvite, setToInvite] = useState<Client | null>(null);
  const list = usePagedList((cursor) => clientsApi.list(org.slug, query, cursor), `${org.slug}|${query}`);
  const canWrite = can('clients:write');

  // The search is part of the address, so a filtered list can be bookmarked or shared.
  useEffect(() => {
    if ((params.get('q') ?? '') !== query) setParams(query ? { q: query } : {}, { replace: true });
  }, [query, params, setParams]);

  const create = async (input: ClientInput) => {
    const client = await clientsApi.create(org.slug, input);
    list.setItems((items) => [...items, client]);
    notifySuccess(t('clients.added', { name: client.name }));
  };
  const update = async (input: ClientInput) => {
    if (!toEdit) return;
    const client = await clientsApi.update(org.slug, toEdit.id, input);
    list.setItems((items) => items.map((item) => (item.id === client.id ? client : item)));
    notifySuccess(t('clients.updated'));
  };
  const remove = async (client: Client) => {
    try {
      await clientsApi.remove(org.slug, client.id);
      list.setItems((items) => items.filter((item) => item.id !== client.id));
      notifySuccess(t('clients.deleted', { name: client.name }));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const addButton = canWrite ? (
    <Button leftSection={<PlusIcon size={16} />} onClick={addModal.open}>
      {t('clients.add')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('clients.title')} description={t('clients.description')} actions={addButton} />
      <TextInput
        label={t('clients.search')}
        placeholder={t('clients.searchPlaceholder')}
        leftSection={<SearchIcon size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        mb="md"
        maw={420}
        type="search"
      />
      {list.isLoading && list.items.length === 0 ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        query ? (
          <EmptyState title={t('clients.noMatchesTitle', { q: query })} hint={t('clients.noMatchesHint')} />
        ) : (
          <EmptyState
            title={t('clients.emptyTitle')}
            hint={canWrite ? t('clients.emptyHint') : t('clients.emptyHintReadOnly')}
            action={addButton}
          />
        )
      ) : (
        <div style={{ opacity: list.isLoading ? 0.6 : 1 }}>
          <ClientsTable clients={list.items} canWrite={canWrite} onEdit={setToEdit} onDelete={setToDelete} onInvitations={setToInvite} />
        </div>
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <ClientFormModal opened={isAddOpen} onClose={addModal.close} onSubmit={create} />
      <ClientFormModal opened={toEdit !== null} client={toEdit ?? undefined} onClose={() => setToEdit(null)} onSubmit={update} />
      <InvitationsModal client={toInvite} onClose={() => setToInvite(null)} />
      <ConfirmDialog
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={t('clients.deleteTitle')}
        message={t('clients.deleteConfirm', { name: toDelete?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => (toDelete ? remove(toDelete) : Promise.resolve())}
      />
    </>
  );
}
