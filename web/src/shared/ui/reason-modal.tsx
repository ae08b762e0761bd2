import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useFormErrors } from '../api/use-form-errors';

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
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['reason']);

  useEffect(() => {
    if (!opened) return;
    setReason('');
    errors.clear();
  }, [opened, errors.clear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim())
      return errors.handle(
        new ApiError(422, 'validation_failed', props.requiredMessage, [{ path: 'reason', message: props.requiredMessage }]),
      );
    setBusy(true);
    try {
      await props.onSubmit(reason.trim());
      onClose();
    } catch (error) {
      const outcome = props.onError ? await props.onError(error) : error;
      if (outcome === true) onClose();
      else errors.handle(outcome);
    } finally {
      setBusy(false);
    }
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
              errors.clear('reason');
            }}
            error={errors.errorOf('reason')}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={isBusy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
