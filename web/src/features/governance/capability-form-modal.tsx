import { Button, Checkbox, Group, Modal, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationForm } from '../../shared/use-mutation-form';
import type { Capability, CapabilityInput } from './governance.api';

interface CapabilityFormModalProps {
  opened: boolean;
  /** The capability to edit; absent to record a new one. */
  capability?: Capability;
  onClose: () => void;
  onSubmit: (input: CapabilityInput) => Promise<unknown>;
}

interface Values {
  name: string;
  description: string;
  capacityValue: number | string;
  capacityUnit: string;
  /** The capacity is a whole number a week, set against the demand of the promises needing it. */
  isPerWeek: boolean;
  evidence: string;
}

const EMPTY: Values = { name: '', description: '', capacityValue: '', capacityUnit: '', isPerWeek: false, evidence: '' };

/** What the team really can do, how much of it (a number and a unit) and what shows it. */
export function CapabilityFormModal({ opened, capability, onClose, onSubmit }: CapabilityFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const form = useMutationForm(['name', 'description', 'capacity.value', 'capacity.unit', 'capacity.per', 'evidence']);

  useEffect(() => {
    if (!opened) return;
    setValues(
      capability
        ? {
            name: capability.name,
            description: capability.description,
            capacityValue: capability.capacity.value ?? '',
            capacityUnit: capability.capacity.unit,
            isPerWeek: capability.capacity.per === 'week',
            evidence: capability.evidence,
          }
        : EMPTY,
    );
    form.clear();
  }, [opened, capability, form.clear]);

  const set = <K extends keyof Values>(field: K, value: Values[K], path: string = field) => {
    setValues((current) => ({ ...current, [field]: value }));
    form.clear(path);
  };

  const submit = form.submitWith(async () => {
    // An empty capacity is "not measured", not zero.
    const value = values.capacityValue === '' ? null : Number(values.capacityValue);
    await onSubmit({
      name: values.name,
      description: values.description,
      capacity: { value, unit: values.capacityUnit, per: values.isPerWeek ? 'week' : null },
      evidence: values.evidence,
    });
    onClose();
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={capability ? t('governance.capabilities.editTitle') : t('governance.capabilities.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('governance.capabilities.name')}
            placeholder={t('governance.capabilities.namePlaceholder')}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={form.errorOf('name')}
            data-autofocus
          />
          <Textarea
            label={t('governance.capabilities.descriptionLabel')}
            autosize
            minRows={2}
            maxRows={6}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={form.errorOf('description')}
          />
          <Group grow align="flex-start" gap="sm">
            <NumberInput
              label={t('governance.capabilities.capacityValue')}
              description={t('governance.capabilities.capacityHint')}
              min={0}
              thousandSeparator=" "
              value={values.capacityValue}
              onChange={(value) => set('capacityValue', value, 'capacity.value')}
              error={form.errorOf('capacity.value')}
            />
            <TextInput
              label={t('governance.capabilities.capacityUnit')}
              description={t('governance.capabilities.capacityUnitHint')}
              value={values.capacityUnit}
              onChange={(event) => set('capacityUnit', event.currentTarget.value, 'capacity.unit')}
              error={form.errorOf('capacity.unit')}
            />
          </Group>
          <Checkbox
            label={t('governance.capabilities.perWeek')}
            description={t('governance.capabilities.perWeekHint')}
            checked={values.isPerWeek}
            onChange={(event) => set('isPerWeek', event.currentTarget.checked, 'capacity.per')}
            error={form.errorOf('capacity.per')}
            data-testid="capacity-per-week"
          />
          <Textarea
            label={t('governance.capabilities.evidence')}
            description={t('governance.capabilities.evidenceHint')}
            autosize
            minRows={2}
            maxRows={6}
            value={values.evidence}
            onChange={(event) => set('evidence', event.currentTarget.value)}
            error={form.errorOf('evidence')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {capability ? t('common.save') : t('governance.capabilities.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
