import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../shared/ui/reason-modal';
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
  return (
    <ReasonModal
      opened={opened}
      title={t('promises.retire.title')}
      text={t('promises.retire.text', { title: promise.title })}
      label={t('promises.retire.reason')}
      submitLabel={t('promises.retire.submit')}
      requiredMessage={t('promises.errors.retireReasonRequired')}
      testId="retire-form"
      onClose={onClose}
      onSubmit={onSubmit}
      onError={localizePromiseError}
    />
  );
}
