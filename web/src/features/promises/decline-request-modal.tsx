import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../shared/ui/reason-modal';
import { isAlreadyAnswered, localizeRequestError } from './promise-errors';
import type { PromiseRequest } from './promises.api';

interface DeclineRequestModalProps {
  /** The request being declined; none: closed. */
  request: PromiseRequest | null;
  onClose: () => void;
  onSubmit: (request: PromiseRequest, reason: string) => Promise<unknown>;
  /** Someone answered it meanwhile: the caller reloads the list. */
  onAlreadyAnswered: () => void;
}

/** The asked team declines, saying why: the asking team sees the reason. */
export function DeclineRequestModal({ request, onClose, onSubmit, onAlreadyAnswered }: DeclineRequestModalProps) {
  const { t } = useTranslation();
  // Kept while the modal closes, so that its text does not go blank under the closing animation.
  const [shown, setShown] = useState<PromiseRequest | null>(request);
  if (request && request !== shown) setShown(request);
  return (
    <ReasonModal
      opened={request !== null}
      title={t('promises.requests.declineForm.title')}
      text={t('promises.requests.declineForm.text', {
        from: shown?.fromTeam.name ?? '',
        to: shown?.toTeam.name ?? '',
        title: shown?.title ?? '',
      })}
      label={t('promises.requests.declineForm.reason')}
      placeholder={t('promises.requests.declineForm.placeholder')}
      submitLabel={t('promises.requests.declineForm.submit')}
      requiredMessage={t('promises.requests.errors.reasonRequired')}
      testId="decline-form"
      onClose={onClose}
      onSubmit={(reason) => (request ? onSubmit(request, reason) : Promise.resolve())}
      onError={(error) => {
        if (!isAlreadyAnswered(error)) return localizeRequestError(error);
        onAlreadyAnswered();
        return true;
      }}
    />
  );
}
