import { Button, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Segment } from '../../shared/api/types';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { PlusIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { discoveryApi, type SegmentInput } from './discovery.api';
import { SegmentCard } from './segment-card';
import { SegmentFormModal } from './segment-form-modal';

/** Step 1 of the method: the client segments, each leading to its workspace. */
export function SegmentsPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const [isCreateOpen, createModal] = useDisclosure(false);
  const [toEdit, setToEdit] = useState<Segment | null>(null);
  const [toDelete, setToDelete] = useState<Segment | null>(null);
  const list = usePagedList((cursor) => discoveryApi.segments(org.slug, cursor), org.slug);
  const canWrite = can('discovery:write');

  const create = async (input: SegmentInput) => {
    const segment = await discoveryApi.createSegment(org.slug, input);
    list.setItems((items) => [...items, segment]);
    notifySuccess(t('segments.created', { name: segment.name }));
  };
  const update = async (input: SegmentInput) => {
    if (!toEdit) return;
    const segment = await discoveryApi.updateSegment(org.slug, toEdit.id, input);
    list.setItems((items) => items.map((item) => (item.id === segment.id ? segment : item)));
    notifySuccess(t('segments.updated'));
  };
  const remove = async (segment: Segment) => {
    try {
      await discoveryApi.removeSegment(org.slug, segment.id);
      list.setItems((items) => items.filter((item) => item.id !== segment.id));
      notifySuccess(t('segments.deleted', { name: segment.name }));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const createButton = canWrite ? (
    <Button leftSection={<PlusIcon size={16} />} onClick={createModal.open}>
      {t('segments.create')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('segments.title')} description={t('segments.description')} actions={createButton} />
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={t('segments.emptyTitle')}
          hint={canWrite ? t('segments.emptyHint') : t('segments.emptyHintReadOnly')}
          action={createButton}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="segments">
          {list.items.map((segment) => (
            <SegmentCard key={segment.id} segment={segment} canWrite={canWrite} onEdit={setToEdit} onDelete={setToDelete} />
          ))}
        </SimpleGrid>
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <SegmentFormModal opened={isCreateOpen} onClose={createModal.close} onSubmit={create} />
      <SegmentFormModal opened={toEdit !== null} segment={toEdit ?? undefined} onClose={() => setToEdit(null)} onSubmit={update} />
      <ConfirmDialog
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={t('segments.deleteTitle')}
        message={t('segments.deleteConfirm', { name: toDelete?.name ?? '' })}
        confirmLabel={t('segments.deleteButton')}
        onConfirm={() => (toDelete ? remove(toDelete) : Promise.resolve())}
      />
    </>
  );
}
