import { ActionIcon, Badge, Blockquote, Button, Drawer, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Evidence } from '../../shared/api/types';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { useIsNarrow } from '../../shared/ui/data-list';
import { PlusIcon, TrashIcon } from '../../shared/ui/icons';
import { LoadingState, LoadMore } from '../../shared/ui/states';
import { discoveryApi } from './discovery.api';
import { EvidenceForm } from './evidence-form';
import { useDiscoveryFormat } from './format';
import type { EvidenceSubjectTarget } from './workspace-context';

interface EvidenceDrawerProps {
  subject: EvidenceSubjectTarget | null;
  canWrite: boolean;
  onClose: () => void;
  /** Called after evidence was added, changed or deleted: the counts in the workspace change. */
  onChanged: () => void;
}

/** The evidence behind one need, pain or gain: list, add, edit, delete. */
export function EvidenceDrawer({ subject, canWrite, onClose, onChanged }: EvidenceDrawerProps) {
  const { t } = useTranslation();
  const isNarrow = useIsNarrow();
  return (
    <Drawer opened={subject !== null} onClose={onClose} position="right" size={isNarrow ? '100%' : 'lg'} title={t('evidence.title')}>
      {subject ? <EvidenceBody key={subject.item.id} subject={subject} canWrite={canWrite} onChanged={onChanged} /> : null}
    </Drawer>
  );
}

function EvidenceBody({ subject, canWrite, onChanged }: { subject: EvidenceSubjectTarget; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useDiscoveryFormat();
  const [isAdding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<Evidence | null>(null);
  const list = usePagedList(
    (cursor) => discoveryApi.evidence(org.slug, subject.kind, subject.item.id, cursor),
    `${org.slug}|${subject.item.id}`,
  );

  const changed = async (message: string) => {
    notifySuccess(message);
    await list.reload();
    onChanged();
  };
  const remove = async (evidence: Evidence) => {
    try {
      await discoveryApi.removeEvidence(org.slug, evidence.id);
      await changed(t('evidence.deleted'));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  return (
    <Stack gap="md" data-testid="evidence-drawer">
      <div>
        <Text size="xs" c="dimmed" fw={600}>
          {t(`workspace.subjectKinds.${subject.kind}`)}
        </Text>
        <Blockquote color="blue" p="sm" mt={4} fz="sm">
          {subject.item.text}
        </Blockquote>
      </div>
      <Text size="sm" c="dimmed">
        {t('evidence.hint')}
      </Text>
      {canWrite && !isAdding ? (
        <Group>
          <Button leftSection={<PlusIcon size={16} />} variant="light" onClick={() => setAdding(true)}>
            {t('evidence.add')}
          </Button>
        </Group>
      ) : null}
      {isAdding ? (
        <EvidenceForm
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            await discoveryApi.createEvidence(org.slug, { ...input, subjectType: subject.kind, subjectId: subject.item.id });
            setAdding(false);
            await changed(t('evidence.added'));
          }}
        />
      ) : null}
      {list.isLoading ? (
        <LoadingState />
      ) : list.items.length === 0 ? (
        <Paper withBorder radius="md" p="md" style={{ borderStyle: 'dashed' }}>
          <Text size="sm" c="dimmed">
            {t('evidence.empty')}
          </Text>
        </Paper>
      ) : (
        list.items.map((evidence) =>
          editingId === evidence.id ? (
            <EvidenceForm
              key={evidence.id}
              evidence={evidence}
              onCancel={() => setEditingId(null)}
              onSubmit={async (input) => {
                await discoveryApi.updateEvidence(org.slug, evidence.id, input);
                setEditingId(null);
                await changed(t('evidence.updated'));
              }}
            />
          ) : (
            <Paper key={evidence.id} withBorder radius="md" p="sm" data-testid="evidence-item">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color="indigo">
                    {t(`evidence.kinds.${evidence.kind}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {format.day(evidence.date)}
                    {evidence.source ? ` · ${evidence.source}` : ''}
                  </Text>
                </Group>
                {canWrite ? (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditingId(evidence.id)}>
                      {t('common.edit')}
                    </Button>
                    <Tooltip label={t('common.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={t('evidence.deleteTitle')}
                        onClick={() => setToDelete(evidence)}
                      >
                        <TrashIcon size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ) : null}
              </Group>
              <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
                {evidence.text}
              </Text>
            </Paper>
          ),
        )
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <ConfirmDialog
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={t('evidence.deleteTitle')}
        message={t('evidence.deleteConfirm')}
        confirmLabel={t('common.delete')}
        onConfirm={() => (toDelete ? remove(toDelete) : Promise.resolve())}
      />
    </Stack>
  );
}
