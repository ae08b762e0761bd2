import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../shared/api/types';
import { useMutationForm } from '../../shared/use-mutation-form';
import type { CanvasCreateInput } from './canvas.api';

interface CanvasCreateModalProps {
  opened: boolean;
  segments: Segment[];
  /** The segment chosen beforehand, e.g. when the list is filtered by it. */
  segmentId: string | null;
  onClose: () => void;
  onSubmit: (input: CanvasCreateInput) => Promise<unknown>;
}

export function CanvasCreateModal({ opened, segments, segmentId, onClose, onSubmit }: CanvasCreateModalProps) {
  const { t } = useTranslation();
  const [segment, setSegment] = useState<string | null>(null);
  const [name, setName] = useState('');
  const form = useMutationForm(['segmentId', 'name']);

  useEffect(() => {
    if (!opened) return;
    setSegment(segmentId ?? (segments.length === 1 ? (segments[0]?.id ?? null) : null));
    setName('');
    form.clear();
  }, [opened, segmentId, segments, form.clear]);

  const submit = form.submitWith(async () => {
    await onSubmit({ segmentId: segment ?? '', name });
    onClose();
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('canvas.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('canvas.segment')}
            description={t('canvas.segmentHint')}
            placeholder={t('canvas.chooseSegment')}
            data={segments.map((s) => ({ value: s.id, label: s.name }))}
            value={segment}
            onChange={(value) => {
              setSegment(value);
              form.clear('segmentId');
            }}
            error={form.errorOf('segmentId')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('canvas.name')}
            placeholder={t('canvas.namePlaceholder')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              form.clear('name');
            }}
            error={form.errorOf('name')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {t('canvas.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
