import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../shared/ui/reason-modal';
import { localizePromiseError } from './promise-errors';
import type { PromiseEvent } from './promises.api';

interface VoidEventModalProps {
  event: PromiseEvent | null;
  onClose: () => void;
  onSubmit: (event: PromiseEvent, reason: string) => Promise<unknown>;
}

/** A correction: the event stays listed, with why, but counts for nothing from now on. Admins only. */
export function VoidEventModal({ event, onClose, onSubmit }: VoidEventModalProps) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      opened={event !== null}
      title={t('promises.events.void.title')}
      text={t('promises.events.void.text', { id: event?.externalId ?? '' })}
      label={t('promises.events.void.reason')}
      description={t('promises.events.void.reasonHint')}
      submitLabel={t('promises.events.void.submit')}
      requiredMessage={t('promises.events.void.reasonRequired')}
      testId="void-event-form"
      onClose={onClose}
      onSubmit={(reason) => (event ? onSubmit(event, reason) : Promise.resolve())}
      onError={localizePromiseError}
    />
  );
}
