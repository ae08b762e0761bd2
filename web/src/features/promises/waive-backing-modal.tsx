import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../shared/ui/reason-modal';
import { localizeWaiverError } from './promise-errors';
import type { PromiseItem } from './promises.api';

interface WaiveBackingModalProps {
  opened: boolean;
  promise: PromiseItem;
  onClose: () => void;
  /** Publishes with the backing waived for this reason. */
  onSubmit: (reason: string) => Promise<unknown>;
  /** A refusal the page shows itself (the team's backing changed meanwhile): true closes the dialog. */
  onRefused: (error: unknown) => boolean;
}

/**
 * An admin publishes a promise to clients that declares no capability or no decision right of its
 * team: the reason is required, recorded with the admin's name and shown to clients on the board.
 */
export function WaiveBackingModal({ opened, promise, onClose, onSubmit, onRefused }: WaiveBackingModalProps) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      opened={opened}
      title={t('promises.waive.title')}
      text={t('promises.waive.text', { title: promise.title, team: promise.promiserTeam?.name ?? '' })}
      label={t('promises.waive.reason')}
      description={t('promises.waive.note')}
      submitLabel={t('promises.waive.submit')}
      requiredMessage={t('promises.errors.waiverReasonRequired')}
      testId="waive-backing-form"
      size="lg"
      onClose={onClose}
      onSubmit={onSubmit}
      onError={(error) => (onRefused(error) ? true : localizeWaiverError(error))}
    />
  );
}
