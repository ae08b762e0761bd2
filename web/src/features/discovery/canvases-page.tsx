import { ActionIcon, Anchor, Button, Select, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { CanvasSummary } from '../../shared/api/types';
import { loadAllPages, usePagedList } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { type Column, DataList } from '../../shared/ui/data-list';
import { PlusIcon, TrashIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { type CanvasCreateInput, canvasApi } from './canvas.api';
import { CanvasCreateModal } from './canvas-create-modal';
import { discoveryApi } from './discovery.api';

/** Step 3: the strategy canvases of the organization, filtered by segment through `?segment=`. */
export function CanvasesPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const segmentId = params.get('segment');
  const [isCreateOpen, createModal] = useDisclosure(false);
  const [toDelete, setToDelete] = useState<CanvasSummary | null>(null);
  const segments = useResource(() => loadAllPages((cursor) => discoveryApi.segments(org.slug, cursor)), org.slug);
  const list = usePagedList((cursor) => canvasApi.list(org.slug, segmentId ?? undefined, cursor), `${org.slug}|${segmentId}`);
  const canWrite = can('discovery:write');
  const segmentName = new Map((segments.data ?? []).map((s) => [s.id, s.name]));
  const hasSegments = (segments.data ?? []).length > 0;

  const create = async (input: CanvasCreateInput) => {
    const canvas = await canvasApi.create(org.slug, input);
    notifySuccess(t('canvas.created', { name: canvas.name }));
    void navigate(`/o/${org.slug}/canvases/${canvas.id}`); // the app has no route loaders: nothing to wait for
  };
  const remove = async (canvas: CanvasSummary) => {
    try {
      await canvasApi.remove(org.slug, canvas.id);
      list.setItems((items) => items.filter((item) => item.id !== canvas.id));
      notifySuccess(t('canvas.deleted', { name: canvas.name }));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const createButton =
    canWrite && hasSegments ? (
      <Button leftSection={<PlusIcon size={16} />} onClick={createModal.open}>
        {t('canvas.create')}
      </Button>
    ) : null;

  const columns: Column<CanvasSummary>[] = [
    {
      key: 'name',
      header: t('canvas.name'),
      isPrimary: true,
      render: (canvas) => (
        <Anchor component={Link} to={`/o/${org.slug}/canvases/${canvas.id}`} fw={600}>
          {canvas.name}
        </Anchor>
      ),
    },
    {
      key: 'segment',
      header: t('canvas.segment'),
      render: (canvas) => (
        <Anchor component={Link} to={`/o/${org.slug}/segments/${canvas.segmentId}`} size="sm" c="dark">
          {segmentName.get(canvas.segmentId) ?? '—'}
        </Anchor>
      ),
    },
    { key: 'factors', header: t('canvas.factorCount'), align: 'right', render: (canvas) => canvas.factorCount },
    { key: 'updatedAt', header: t('canvas.updatedAt'), render: (canvas) => format.dateTime(canvas.updatedAt) },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      width: 60,
      render: (canvas) => (
        <Tooltip label={t('canvas.deleteTitle')}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('canvas.deleteNamed', { name: canvas.name })}
            onClick={() => setToDelete(canvas)}
          >
            <TrashIcon size={16} />
          </ActionIcon>
        </Tooltip>
      ),
    });
  }

  return (
    <>
      <PageHeader title={t('canvas.title')} description={t('canvas.description')} actions={createButton} />
      {hasSegments ? (
        <Select
          label={t('canvas.filterSegment')}
          placeholder={t('canvas.allSegments')}
          data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={segmentId}
          onChange={(value) => setParams(value ? { segment: value } : {}, { replace: true })}
          clearable
          mb="md"
          maw={420}
        />
      ) : null}
      {list.isLoading || segments.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={t('canvas.emptyTitle')}
          hint={hasSegments ? (canWrite ? t('canvas.emptyHint') : t('canvas.emptyHintReadOnly')) : t('canvas.noSegmentsHint')}
          action={
            hasSegments ? (
              createButton
            ) : (
              <Button component={Link} to={`/o/${org.slug}/segments`} variant="light">
                {t('canvas.toSegments')}
              </Button>
            )
          }
        />
      ) : (
        <DataList items={list.items} columns={columns} rowKey={(canvas) => canvas.id} testId="canvases-table" />
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      {segmentId && !segmentName.has(segmentId) && !segments.isLoading ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('canvas.unknownSegment')}
        </Text>
      ) : null}
      <CanvasCreateModal
        opened={isCreateOpen}
        segments={segments.data ?? []}
        segmentId={segmentId}
        onClose={createModal.close}
        onSubmit={create}
      />
      <ConfirmDialog
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={t('canvas.deleteTitle')}
        message={t('canvas.deleteConfirm', { name: toDelete?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => (toDelete ? remove(toDelete) : Promise.resolve())}
      />
    </>
  );
}
