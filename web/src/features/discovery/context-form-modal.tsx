import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTEXT_FIELDS, type ContextField } from '../../../../src/core/discovery/context';
import { CONTEXT_TEXT_MAX, ZSaveSegmentContext } from '../../../../src/modules/discovery/context.schema';
import { useMutationForm, validateInput } from '../../shared/use-mutation-form';
import type { SegmentContext, SegmentContextInput } from './discovery.api';

interface ContextFormModalProps {
  /** The context to edit; null while the dialog is closed. */
  context: SegmentContext | null;
  onClose: () => void;
  onSubmit: (input: SegmentContextInput) => Promise<unknown>;
}

type Values = Record<ContextField, string>;

/** The four parts of a segment's context in one form; all four are sent, so what is on screen is what is stored. */
export function ContextFormModal({ context, onClose, onSubmit }: ContextFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>({ situation: '', regulations: '', market: '', channels: '' });
  const form = useMutationForm([...CONTEXT_FIELDS]);

  useEffect(() => {
    if (!context) return;
    setValues({ situation: context.situation, regulations: context.regulations, market: context.market, channels: context.channels });
    form.clear();
  }, [context, form.clear]);

  const submit = form.submitWith(async () => {
    validateInput(ZSaveSegmentContext, values);
    await onSubmit(values);
    onClose();
  });

  return (
    <Modal opened={context !== null} onClose={onClose} title={t('segmentContext.editTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('segmentContext.formHint')}
          </Text>
          {CONTEXT_FIELDS.map((field, index) => (
            <Textarea
              key={field}
              label={t(`segmentContext.fields.${field}`)}
              description={t(`segmentContext.hints.${field}`)}
              placeholder={t(`segmentContext.placeholders.${field}`)}
              autosize
              minRows={2}
              maxRows={8}
              value={values[field]}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setValues((current) => ({ ...current, [field]: text }));
                form.clear(field);
              }}
              error={form.errorOf(field)}
              data-autofocus={index === 0 ? true : undefined}
              rightSection={
                values[field].length > CONTEXT_TEXT_MAX * 0.9 ? (
                  <Text size="xs" c={values[field].length > CONTEXT_TEXT_MAX ? 'red' : 'dimmed'}>
                    {CONTEXT_TEXT_MAX - values[field].length}
                  </Text>
                ) : null
              }
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
