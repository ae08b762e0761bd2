import { Anchor, Button, Group, Menu, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Pain } from '../../shared/api/types';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { useIsNarrow } from '../../shared/ui/data-list';
import { PageHeader } from '../../shared/ui/page-header';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { PromiseFormModal } from '../promises/promise-form-modal';
import { type PromiseInput, promisesApi } from '../promises/promises.api';
import { SegmentKindBadge } from './badges';
import { ContextCard } from './context-card';
import { discoveryApi, type SegmentInput } from './discovery.api';
import { FitPanel } from './fit-panel';
import { useDiscoveryFormat } from './format';
import { ImportCsvModal } from './import-csv-modal';
import { LinkingBanner } from './linking-banner';
import { ProfileColumn } from './profile-column';
import { SegmentFormModal } from './segment-form-modal';
import { useWorkspaceActions } from './use-workspace-actions';
import { ValueMapColumn } from './value-map-column';
import { WorkspaceContext, type WorkspaceValue } from './workspace-context';
import { type WorkspaceDialogState, WorkspaceDialogs } from './workspace-dialogs';
import { type Focus, relatedIds } from './workspace-model';

/** Steps 1–3 for one segment: its context, then the customer profile beside the value map, with the fit on top. */
export function SegmentWorkspacePage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const format = useDiscoveryFormat();
  const workspace = useResource(() => discoveryApi.workspace(org.slug, id), `${org.slug}|${id}`);
  const actions = useWorkspaceActions(workspace, id);
  const [focus, setFocus] = useState<Focus>(null);
  const [linkingId, setLinkingId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<WorkspaceDialogState>(null);
  const [isImportOpen, importModal] = useDisclosure(false);
  const [isEditOpen, editModal] = useDisclosure(false);
  const [isDeleteOpen, deleteDialog] = useDisclosure(false);
  const canWrite = can('discovery:write');
  const canPromise = can('promises:write');
  const [answering, setAnswering] = useState<Pain | null>(null);
  const isNarrow = useIsNarrow();
  const data = workspace.data;

  const value = useMemo<WorkspaceValue | null>(() => {
    if (!data) return null;
    const linking = data.valueItems.find((item) => item.id === linkingId) ?? null;
    return {
      data,
      canWrite,
      focus,
      setFocus,
      highlighted: relatedIds(data, focus),
      linking,
      setLinkingId: (next) => {
        setFocus(null);
        setLinkingId(next);
        // On a phone the profile is above the value map: bring the pains (or gains) to link into view.
        const kind = data.valueItems.find((item) => item.id === next)?.kind;
        if (isNarrow && kind)
          document
            .querySelector(`[data-testid="section-${kind === 'reliever' ? 'pain' : 'gain'}s"]`)
            ?.scrollIntoView({ behavior: 'smooth' });
      },
      toggleLink: (targetId) => (linking ? void actions.toggleLink(linking.id, targetId) : undefined),
      openForm: (target) => setDialog({ type: 'form', target }),
      openEvidence: (subject) => setDialog({ type: 'evidence', subject }),
      askDelete: (target) => setDialog({ type: 'delete', target }),
      answerWithPromise: canPromise ? setAnswering : undefined,
    };
  }, [data, canWrite, canPromise, focus, linkingId, isNarrow, actions.toggleLink]);

  const back = (
    <Anchor component={Link} to={`/o/${org.slug}/segments`} size="sm">
      ← {t('segments.backToList')}
    </Anchor>
  );
  if (workspace.isLoading && !data) return <LoadingState />;
  if (workspace.error || !data || !value) {
    return (
      <Stack>
        {back}
        <ErrorState error={workspace.error} onRetry={workspace.reload} />
      </Stack>
    );
  }
  const segment = data.segment;

  const update = async (input: SegmentInput) => {
    await discoveryApi.updateSegment(org.slug, id, input);
    notifySuccess(t('segments.updated'));
    await workspace.reload();
  };
  const answer = async (input: PromiseInput) => {
    const created = await promisesApi.create(org.slug, input);
    notifySuccess(t('promises.created', { title: created.title }));
    void navigate(`/o/${org.slug}/promises/${created.id}`); // the app has no route loaders: nothing to wait for
  };
  const remove = async () => {
    try {
      await discoveryApi.removeSegment(org.slug, id);
      notifySuccess(t('segments.deleted', { name: segment.name }));
      void navigate(`/o/${org.slug}/segments`); // the app has no route loaders: nothing to wait for
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  return (
    <WorkspaceContext.Provider value={value}>
      <Stack gap="md">
        {back}
        <PageHeader
          title={segment.name}
          badge={<SegmentKindBadge kind={segment.kind} />}
          description={
            <>
              {segment.description || t('workspace.pageDescription')}
              <Text span size="sm" c="dimmed" display="block" mt={2}>
                {segment.sizeEstimate === null
                  ? t('segments.sizeUnknown')
                  : t('segments.sizeValue', { size: format.number(segment.sizeEstimate) })}
              </Text>
            </>
          }
          mb={0}
          actions={
            <>
              <Button component={Link} to={`/o/${org.slug}/canvases?segment=${segment.id}`} variant="light">
                {t('workspace.toCanvases')}
              </Button>
              {canWrite ? (
                <>
                  <Button variant="default" onClick={importModal.open}>
                    {t('importCsv.open')}
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button variant="default" aria-label={t('segments.moreActions', { name: segment.name })}>
                        ⋯
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={editModal.open}>{t('segments.editTitle')}</Menu.Item>
                      <Menu.Item color="red" onClick={deleteDialog.open}>
                        {t('segments.deleteButton')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </>
              ) : null}
            </>
          }
        />
        <ContextCard onSave={actions.saveContext} />
        <FitPanel />
        <div style={{ position: 'sticky', top: 64, zIndex: 5 }}>
          <LinkingBanner />
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ProfileColumn />
          <ValueMapColumn />
        </SimpleGrid>
        <Group justify="center" visibleFrom="sm">
          <Text size="xs" c="dimmed">
            {t('workspace.hoverHint')}
          </Text>
        </Group>
      </Stack>
      <WorkspaceDialogs state={dialog} onClose={() => setDialog(null)} actions={actions} />
      <ImportCsvModal opened={isImportOpen} segmentId={id} onClose={importModal.close} onImported={() => void workspace.reload()} />
      <PromiseFormModal
        opened={answering !== null}
        onClose={() => setAnswering(null)}
        start={answering ? { kind: 'client', segmentId: id, painIds: [answering.id], painText: answering.text } : null}
        onCreate={answer}
      />
      <SegmentFormModal opened={isEditOpen} segment={segment} onClose={editModal.close} onSubmit={update} />
      <ConfirmDialog
        opened={isDeleteOpen}
        onClose={deleteDialog.close}
        title={t('segments.deleteTitle')}
        message={t('segments.deleteConfirm', { name: segment.name })}
        confirmLabel={t('segments.deleteButton')}
        onConfirm={remove}
      />
    </WorkspaceContext.Provider>
  );
}
