import { Button, Group, Modal, NumberInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, SegmentKind } from '../../shared/api/types';
import { useFormErrors } from '../../shared/api/use-form-errors';
import type { SegmentInput } from './discovery.api';
import { SEGMENT_KINDS } from './discovery-options';

interface SegmentFormModalProps {
  opened: boolean;
  /** The segment to edit; absent to create one. */
  segment?: Segment;
  onClose: () => void;
  onSubmit: (input: SegmentInput) => Promise<unknown>;
}

interface Values {
  name: string;
  kind: SegmentKind;
  sizeEstimate: number | string;
  description: string;
}

const EMPTY: Values = { name: '', kind: 'customer', sizeEstimate: '', description: '' };

export function SegmentFormModal({ opened, segment, onClose, onSubmit }: SegmentFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['name', 'kind', 'sizeEstimate', 'description']);

  useEffect(() => {
    if (!opened) return;
    setValues(
      segment
        ? { name: segment.name, kind: segment.kind, sizeEstimate: segment.sizeEstimate ?? '', description: segment.description }
        : EMPTY,
    );
    errors.clear();
  }, [opened, segment, errors.clear]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    errors.clear(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      // An empty size is "not estimated yet" (null), not zero clients.
      const sizeEstimate = values.sizeEstimate === '' ? null : Number(values.sizeEstimate);
      await onSubmit({ name: values.name, kind: values.kind, sizeEstimate, description: values.description });
      onClose();
    } catch (error) {
      errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={segment ? t('segments.editTitle') : t('segments.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('segments.name')}
            placeholder={t('segments.namePlaceholder')}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.errorOf('name')}
            data-autofocus
          />
          <Radio.Group
            label={t('segments.kind')}
            value={values.kind}
            onChange={(kind) => set('kind', kind as SegmentKind)}
            error={errors.errorOf('kind')}
          >
            <Stack gap="xs" mt={6}>
              {SEGMENT_KINDS.map((kind) => (
                <Radio key={kind} value={kind} label={t(`segments.kinds.${kind}`)} description={t(`segments.kindHints.${kind}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <NumberInput
            label={t('segments.sizeEstimate')}
            description={t('segments.sizeEstimateHint')}
            value={values.sizeEstimate}
            onChange={(value) => set('sizeEstimate', value)}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
            error={errors.errorOf('sizeEstimate')}
            maw={260}
          />
          <Textarea
            label={t('segments.descriptionLabel')}
            description={t('segments.descriptionHint')}
            autosize
            minRows={3}
            maxRows={8}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errors.errorOf('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {segment ? t('common.save') : t('segments.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
