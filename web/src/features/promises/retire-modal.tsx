import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../shared/api/use-form-errors';
import { fieldError } from '../decisions/field-messages';
import { localizePromiseError } from './promise-errors';
import type { PromiseItem } from './promises.api';

interface RetireModalProps {
  opened: boolean;
  promise: PromiseItem;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
}

/** Retiring takes the promise off the board; its history stays. The reason is recorded. */
export function RetireModal({ opened, promise, onClose, onSubmit }: RetireModalProps) {
  const { t } = useTranslation();
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
    if (!reason.trim()) return errors.handle(fieldError('reason', t('promises.errors.retireReasonRequired')));
    setBusy(true);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (error) {
      errors.handle(localizePromiseError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('promises.retire.title')} centered data-testid="retire-form">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('promises.retire.text', { title: promise.title })}</Text>
          <Textarea
            label={t('promises.retire.reason')}
            autosize
            minRows={2}
            maxRows={6}
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
              {t('promises.retire.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
