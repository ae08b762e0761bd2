import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationForm, validationError } from '../use-mutation-form';

export interface ReasonModalProps {
  opened: boolean;
  title: string;
  /** What will happen, in a sentence. */
  text: string;
  label: string;
  /** A note under the field, e.g. who will read the reason. */
  description?: string;
  placeholder?: string;
  submitLabel: string;
  /** Shown on the field when the reason is empty. */
  requiredMessage: string;
  testId: string;
  /** The dialog's width (Mantine's `size`), when the text or the buttons need more room. */
  size?: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
  /**
   * A refusal the caller handles itself (e.g. the thing changed meanwhile): return true to close, or
   * the error (possibly translated) to show on the form.
   */
  onError?: (error: unknown) => Promise<true | unknown> | true | unknown;
}

/** Asks why before an act that needs a reason (withdraw, retire, revoke); the reason is required. */
export function ReasonModal(props: ReasonModalProps) {
  const { t } = useTranslation();
  const { opened, onClose } = props;
  const [reason, setReason] = useState('');
  const form = useMutationForm(['reason']);

  useEffect(() => {
    if (!opened) return;
    setReason('');
    form.clear();
  }, [opened, form.clear]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Checked before the call, so the caller's onError sees only the server's refusals.
    if (!reason.trim()) return form.handle(validationError([{ path: 'reason', message: props.requiredMessage }]));
    void form.run(
      async () => {
        await props.onSubmit(reason.trim());
        onClose();
      },
      {
        onError: async (error) => {
          const outcome = props.onError ? await props.onError(error) : error;
          if (outcome !== true) return outcome;
          onClose();
          return null;
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={props.title}
      size={props.size}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid={props.testId}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{props.text}</Text>
          <Textarea
            label={props.label}
            description={props.description}
            placeholder={props.placeholder}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2000}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              form.clear('reason');
            }}
            error={form.errorOf('reason')}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={form.isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={form.isBusy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
