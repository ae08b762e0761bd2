import { Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueItem, ValueItemKind } from '../../shared/api/types';
import { useIsNarrow } from '../../shared/ui/data-list';
import { useMutationForm } from '../../shared/use-mutation-form';
import type { ValueItemInput, Workspace } from './discovery.api';
import { collapseFieldPaths } from './field-paths';

export type ValueFormTarget = { kind: ValueItemKind; item?: ValueItem };

interface ValueItemFormModalProps {
  target: ValueFormTarget | null;
  workspace: Workspace;
  onClose: () => void;
  onSubmit: (input: ValueItemInput) => Promise<unknown>;
}

/** Add or edit a product, a pain reliever (with the pains it answers) or a gain creator (with its gains). */
export function ValueItemFormModal({ target, workspace, onClose, onSubmit }: ValueItemFormModalProps) {
  const { t } = useTranslation();
  const isNarrow = useIsNarrow();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [targetIds, setTargetIds] = useState<string[]>([]);
  const form = useMutationForm(['name', 'description', 'targetIds'], { mapError: (error) => collapseFieldPaths(error, ['targetIds']) });
  const kind = target?.kind ?? 'product';

  useEffect(() => {
    if (!target) return;
    setName(target.item?.name ?? '');
    setDescription(target.item?.description ?? '');
    setTargetIds(target.item?.targetIds ?? []);
    form.clear();
  }, [target, form.clear]);

  const options =
    kind === 'reliever'
      ? workspace.pains.map((p) => ({ value: p.id, label: t('workspace.painOption', { priority: p.priority, text: p.text }) }))
      : workspace.gains.map((g) => ({ value: g.id, label: g.text }));

  const submit = form.submitWith(async () => {
    await onSubmit({ kind, name, description, targetIds: kind === 'product' ? [] : targetIds });
    onClose();
  });

  const title = target?.item ? t(`workspace.valueEditTitles.${kind}`) : t(`workspace.valueCreateTitles.${kind}`);
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg" fullScreen={isNarrow}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('workspace.valueName')}
            placeholder={t(`workspace.valuePlaceholders.${kind}`)}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              form.clear('name');
            }}
            error={form.errorOf('name')}
            data-autofocus
          />
          <Textarea
            label={t('workspace.valueDescription')}
            description={t('common.optional')}
            autosize
            minRows={2}
            maxRows={6}
            value={description}
            onChange={(event) => {
              setDescription(event.currentTarget.value);
              form.clear('description');
            }}
            error={form.errorOf('description')}
          />
          {kind === 'product' ? null : (
            <MultiSelect
              label={kind === 'reliever' ? t('workspace.targetsPains') : t('workspace.targetsGains')}
              description={kind === 'reliever' ? t('workspace.targetsPainsHint') : t('workspace.targetsGainsHint')}
              placeholder={options.length ? t('workspace.targetsPlaceholder') : t('workspace.targetsNone')}
              data={options}
              value={targetIds}
              onChange={(ids) => {
                setTargetIds(ids);
                form.clear('targetIds');
              }}
              searchable
              clearable
              disabled={options.length === 0}
              nothingFoundMessage={t('common.nothingFound')}
              error={form.errorOf('targetIds')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {target?.item ? t('common.save') : t('workspace.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
