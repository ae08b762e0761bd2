import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifyError } from '../../shared/api/error-messages';
import { ReasonModal } from '../../shared/ui/reason-modal';
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
  const onError = async (error: unknown) => {
    if (error instanceof ApiError && error.code === 'decision_already_taken') {
      notifyError(error);
      onClose();
      await onStale();
      return true as const;
    }
    if (error instanceof ApiError && error.fields.some((field) => field.path === 'reason' && field.code === 'required')) {
      return fieldError('reason', t('decisionPage.withdrawReasonRequired'));
    }
    return error;
  };
  return (
    <ReasonModal
      opened={opened}
      title={t('decisionPage.withdrawTitle')}
      text={t('decisionPage.withdrawText', { title: decision.title })}
      label={t('decisionPage.withdrawReason')}
      placeholder={t('decisionPage.withdrawReasonPlaceholder')}
      submitLabel={t('decisionPage.withdrawSubmit')}
      requiredMessage={t('decisionPage.withdrawReasonRequired')}
      testId="withdraw-form"
      onClose={onClose}
      onSubmit={onSubmit}
      onError={onError}
    />
  );
}
