import { Anchor, Button, Group, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Canvas } from '../../shared/api/types';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { PlusIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { promisesApi } from '../promises/promises.api';
import { canvasApi } from './canvas.api';
import { CanvasChart, type ChartInstance } from './canvas-chart';
import { actionOf, addFactor, type CanvasDraft, currentLevelOf } from './canvas-draft';
import { CompetitorsEditor } from './competitors-editor';
import { discoveryApi } from './discovery.api';
import { type ErrcEntry, ErrcGrid } from './errc-grid';
import { FactorsEditor } from './factors-editor';
import { SaveStatusLine } from './save-status';
import { useCanvasAutosave } from './use-canvas-autosave';

/** The strategy canvas editor: the chart follows every edit, the whole canvas is saved as one. */
export function CanvasEditor({ initial, back }: { initial: Canvas; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const canWrite = can('discovery:write');
  const chartRef = useRef<ChartInstance | null>(null);
  const [isDeleteOpen, deleteDialog] = useDisclosure(false);
  const editor = useCanvasAutosave(org.slug, initial, canWrite);
  const { draft, server, update, errors, clearError } = editor;
  const segment = useResource(() => discoveryApi.segment(org.slug, initial.segmentId), `${org.slug}|${initial.segmentId}`);
  // Every promise, not only client ones: a factor bound earlier to another kind still shows its title.
  const promises = useResource(() => loadAllPages((cursor) => promisesApi.list(org.slug, { cursor })), org.slug);
  const promiseList = { items: promises.data ?? [], isLoading: promises.isLoading, hasFailed: Boolean(promises.error) };
  const errorOf = (key: string) => errors[key];
  const currentLabel = draft.currentLabel || t('canvas.chart.current');
  const targetLabel = draft.targetLabel || t('canvas.chart.target');

  // Saved: the server's actions; while edits are pending, the same rule read from the draft.
  const serverAction = new Map(server.factors.map((f) => [f.id, f.action]));
  const entries: ErrcEntry[] = draft.factors.map((f) => ({
    key: f.key,
    name: f.name || '…',
    action: !editor.isDirty && f.id && serverAction.has(f.id) ? (serverAction.get(f.id) ?? 'unchanged') : actionOf(f),
  }));

  const chartInput = {
    name: draft.name,
    currentLabel: draft.currentLabel,
    targetLabel: draft.targetLabel,
    competitors: draft.competitors.map((c, j) => ({ name: c.name || t('canvas.competitorName', { n: j + 1 }) })),
    factors: draft.factors.map((f, i) => ({
      name: f.name || t('canvas.factorN', { n: i + 1 }),
      current: currentLevelOf(f),
      target: f.target,
      competitorLevels: f.levels,
    })),
  };

  const exportPng = () => {
    const url = chartRef.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = `${(draft.name || 'canvas').replace(/[\\/:*?"<>|]+/g, ' ').trim()}.png`;
    link.click();
  };
  const remove = async () => {
    try {
      await canvasApi.remove(org.slug, initial.id);
      editor.markDeleted();
      notifySuccess(t('canvas.deleted', { name: draft.name }));
      void navigate(`/o/${org.slug}/canvases`); // the app has no route loaders: nothing to wait for
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };
  const text = (field: keyof Pick<CanvasDraft, 'name' | 'currentLabel' | 'targetLabel'>) => ({
    value: draft[field],
    readOnly: !canWrite,
    variant: canWrite ? 'default' : 'filled',
    error: errorOf(field),
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      update((d) => ({ ...d, [field]: value }));
      clearError(field);
    },
  });

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={draft.name || t('canvas.untitled')}
        description={
          segment.data ? (
            <>
              {t('canvas.forSegment')}{' '}
              <Anchor component={Link} to={`/o/${org.slug}/segments/${initial.segmentId}`} size="sm">
                {segment.data.name}
              </Anchor>
            </>
          ) : (
            t('canvas.description')
          )
        }
        mb={0}
        actions={
          <>
            <Button variant="light" onClick={exportPng} disabled={draft.factors.length === 0}>
              {t('canvas.exportPng')}
            </Button>
            <Button
              component="a"
              variant="default"
              href={canvasApi.svgUrl(org.slug, initial.id, i18n.language)}
              target="_blank"
              rel="noopener"
            >
              {t('canvas.openSvg')}
            </Button>
            {canWrite ? (
              <Button variant="light" color="red" onClick={deleteDialog.open}>
                {t('common.delete')}
              </Button>
            ) : null}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm" gap="xs">
          <SaveStatusLine status={editor.status} onSaveNow={() => void editor.saveNow()} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="sm">
          <TextInput label={t('canvas.name')} {...text('name')} />
          <TextInput label={t('canvas.currentLabel')} placeholder={t('canvas.chart.current')} {...text('currentLabel')} />
          <TextInput label={t('canvas.targetLabel')} placeholder={t('canvas.chart.target')} {...text('targetLabel')} />
        </SimpleGrid>
        <CanvasChart
          canvas={chartInput}
          chartRef={chartRef}
          emptyAction={
            canWrite ? (
              <Button size="xs" leftSection={<PlusIcon size={14} />} onClick={() => update(addFactor)}>
                {t('canvas.addFactor')}
              </Button>
            ) : null
          }
        />
      </Paper>
      <ErrcGrid entries={entries} isPreview={editor.isDirty} />
      <CompetitorsEditor draft={draft} canWrite={canWrite} update={update} errorOf={errorOf} clearError={clearError} />
      <FactorsEditor
        draft={draft}
        canWrite={canWrite}
        update={update}
        errorOf={errorOf}
        clearError={clearError}
        currentLabel={currentLabel}
        targetLabel={targetLabel}
        segmentId={initial.segmentId}
        promises={promiseList}
      />
      <ConfirmDialog
        opened={isDeleteOpen}
        onClose={deleteDialog.close}
        title={t('canvas.deleteTitle')}
        message={t('canvas.deleteConfirm', { name: draft.name })}
        confirmLabel={t('common.delete')}
        onConfirm={remove}
      />
    </Stack>
  );
}
