import { ActionIcon, Button, Group, Paper, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { type Column, DataList } from '../../shared/ui/data-list';
import { PlusIcon, TrashIcon } from '../../shared/ui/icons';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { CapabilityFormModal } from './capability-form-modal';
import { type Capability, type CapabilityInput, governanceApi } from './governance.api';

interface CapabilitiesPanelProps {
  teamId: string;
  canEdit: boolean;
}

/** Capabilities the team really has, with capacity and evidence: what its promises can rest on. */
export function CapabilitiesPanel({ teamId, canEdit }: CapabilitiesPanelProps) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const list = useResource(() => governanceApi.capabilities(org.slug, teamId).then((page) => page.items), `${org.slug}|${teamId}`);
  const [editing, setEditing] = useState<Capability | 'new' | null>(null);
  const [toDelete, setToDelete] = useState<Capability | null>(null);

  const save = async (input: CapabilityInput) => {
    if (editing === 'new') {
      const capability = await governanceApi.createCapability(org.slug, teamId, input);
      list.setData((items) => [...(items ?? []), capability]);
      notifySuccess(t('governance.capabilities.created', { name: capability.name }));
    } else if (editing) {
      const capability = await governanceApi.updateCapability(org.slug, editing.id, input);
      list.setData((items) => items?.map((item) => (item.id === capability.id ? capability : item)));
      notifySuccess(t('governance.capabilities.updated'));
    }
  };
  const remove = async (capability: Capability) => {
    try {
      await governanceApi.removeCapability(org.slug, capability.id);
      list.setData((items) => items?.filter((item) => item.id !== capability.id));
      notifySuccess(t('governance.capabilities.deleted', { name: capability.name }));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const capacityOf = (capability: Capability) =>
    capability.capacity.value === null
      ? t('governance.capabilities.notMeasured')
      : t(capability.capacity.per === 'week' ? 'governance.capabilities.amountPerWeek' : 'governance.capabilities.amount', {
          value: new Intl.NumberFormat(intlLocale(i18n.language)).format(capability.capacity.value),
          unit: capability.capacity.unit,
        }).trim();

  const columns: Column<Capability>[] = [
    {
      key: 'name',
      header: t('governance.capabilities.name'),
      isPrimary: true,
      render: (capability) => (
        <div>
          <Text size="sm" fw={600}>
            {capability.name}
          </Text>
          {capability.description ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {capability.description}
            </Text>
          ) : null}
        </div>
      ),
    },
    {
      key: 'capacity',
      header: t('governance.capabilities.capacity'),
      render: (capability) => (
        <Text size="sm" c={capability.capacity.value === null ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {capacityOf(capability)}
        </Text>
      ),
    },
    {
      key: 'evidence',
      header: t('governance.capabilities.evidence'),
      render: (capability) => (
        <Text size="sm" c={capability.evidence ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {capability.evidence || t('governance.capabilities.noEvidence')}
        </Text>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      width: 130,
      render: (capability) => (
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(capability)}>
            {t('common.edit')}
          </Button>
          <Tooltip label={t('governance.capabilities.deleteTitle')}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('governance.capabilities.deleteNamed', { name: capability.name })}
              onClick={() => setToDelete(capability)}
            >
              <TrashIcon size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ),
    });
  }

  return (
    <Paper withBorder radius="md" p="md" data-testid="capabilities-panel">
      <Group justify="space-between" mb="sm" gap="sm" align="flex-start">
        <div style={{ flex: '1 1 320px' }}>
          <Title order={4}>{t('governance.capabilities.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('governance.capabilities.description')}
          </Text>
        </div>
        {canEdit ? (
          <Button leftSection={<PlusIcon size={16} />} variant="light" onClick={() => setEditing('new')}>
            {t('governance.capabilities.create')}
          </Button>
        ) : null}
      </Group>
      {list.isLoading && !list.data ? (
        <LoadingState />
      ) : list.error || !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {canEdit ? t('governance.capabilities.emptyHint') : t('governance.capabilities.empty')}
        </Text>
      ) : (
        <DataList items={list.data} columns={columns} rowKey={(item) => item.id} minWidth={560} isEmbedded testId="capabilities-table" />
      )}
      <CapabilityFormModal
        opened={editing !== null}
        capability={editing && editing !== 'new' ? editing : undefined}
        onClose={() => setEditing(null)}
        onSubmit={save}
      />
      <ConfirmDialog
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={t('governance.capabilities.deleteTitle')}
        message={t('governance.capabilities.deleteConfirm', { name: toDelete?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => (toDelete ? remove(toDelete) : Promise.resolve())}
      />
    </Paper>
  );
}
