import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifyError } from '../../shared/api/error-messages';
import { useFormErrors } from '../../shared/api/use-form-errors';
import type { Decision } from './decisions.api';
import { fieldError } from './field-messages';

interface WithdrawDecisionModalProps {
  opened: boolean;
  decision: Decision;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
  /** The decision was taken or withdrawn meanwhile: read it again. */
  onStale: () => Promise<void>;
}

/** Asks why before withdrawing an open decision: the reason stays in its record and goes to those asked for advice. */
export function WithdrawDecisionModal({ opened, decision, onClose, onSubmit, onStale }: WithdrawDecisionModalProps) {
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
    if (!reason.trim()) return errors.handle(fieldError('reason', t('decisionPage.withdrawReasonRequired')));
    setBusy(true);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'decision_already_taken') {
        notifyError(error);
        onClose();
        await onStale();
      } else if (error instanceof ApiError && error.fields.some((field) => field.path === 'reason' && /say why/i.test(field.message))) {
        errors.handle(fieldError('reason', t('decisionPage.withdrawReasonRequired')));
      } else errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('decisionPage.withdrawTitle')} centered data-testid="withdraw-form">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('decisionPage.withdrawText', { title: decision.title })}</Text>
          <Textarea
            label={t('decisionPage.withdrawReason')}
            placeholder={t('decisionPage.withdrawReasonPlaceholder')}
            autosize
            minRows={3}
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
              {t('decisionPage.withdrawSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
