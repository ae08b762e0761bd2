import { Button, Group, Modal, NumberInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCreateSegment, ZUpdateSegment } from '../../../../src/modules/discovery/discovery.schema';
import type { Segment, SegmentKind } from '../../shared/api/types';
import { useMutationForm, validateInput } from '../../shared/use-mutation-form';
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
  const form = useMutationForm(['name', 'kind', 'sizeEstimate', 'description']);

  useEffect(() => {
    if (!opened) return;
    setValues(
      segment
        ? { name: segment.name, kind: segment.kind, sizeEstimate: segment.sizeEstimate ?? '', description: segment.description }
        : EMPTY,
    );
    form.clear();
  }, [opened, segment, form.clear]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    form.clear(field);
  };

  const submit = form.submitWith(async () => {
    // An empty size is "not estimated yet" (null), not zero clients.
    const sizeEstimate = values.sizeEstimate === '' ? null : Number(values.sizeEstimate);
    const input = { name: values.name, kind: values.kind, sizeEstimate, description: values.description };
    validateInput(segment ? ZUpdateSegment : ZCreateSegment, input);
    await onSubmit(input);
    onClose();
  });

  return (
    <Modal opened={opened} onClose={onClose} title={segment ? t('segments.editTitle') : t('segments.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('segments.name')}
            placeholder={t('segments.namePlaceholder')}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={form.errorOf('name')}
            data-autofocus
          />
          <Radio.Group
            label={t('segments.kind')}
            value={values.kind}
            onChange={(kind) => set('kind', kind as SegmentKind)}
            error={form.errorOf('kind')}
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
            error={form.errorOf('sizeEstimate')}
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
            error={form.errorOf('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {segment ? t('common.save') : t('segments.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
