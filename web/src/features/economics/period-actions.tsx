import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { ReasonModal } from '../../shared/ui/reason-modal';
import { economicsApi, type PeriodEconomics } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { useEconomicsFormat } from './use-economics-format';

interface PeriodActionsProps {
  period: string;
  isClosed: boolean;
  /** An admin locked the month's inputs: only admins change them. */
  isLocked: boolean;
  /** Only a month that has ended can be closed. */
  hasEnded: boolean;
  onChange: (figures: PeriodEconomics) => void;
}

/**
 * Lock a month's inputs before closing (the teams' members then change nothing), close it (its figures
 * freeze) or reopen it with a reason (kept in the audit log); admins only.
 */
export function PeriodActions({ period, isClosed, isLocked, hasEnded, onChange }: PeriodActionsProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [isCloseOpen, closeDialog] = useDisclosure(false);
  const [isReopenOpen, reopenDialog] = useDisclosure(false);
  const close = async () => {
    try {
      onChange(await economicsApi.close(org.slug, period));
      notifySuccess(t('economics.period.closedNotice', { month: format.period(period) }));
    } catch (error) {
      notifyError(localizeEconomicsError(error, format.money));
      throw error;
    }
  };
  const toggleLock = async () => {
    try {
      onChange(isLocked ? await economicsApi.unlock(org.slug, period) : await economicsApi.lock(org.slug, period));
      const notice = isLocked ? 'economics.lock.unlockedNotice' : 'economics.lock.lockedNotice';
      notifySuccess(t(notice, { month: format.period(period) }));
    } catch (error) {
      notifyError(localizeEconomicsError(error, format.money));
    }
  };
  return (
    <>
      {isClosed ? null : (
        <Button
          variant="default"
          onClick={() => void toggleLock()}
          title={t('economics.lock.hint')}
          data-testid={isLocked ? 'unlock-period' : 'lock-period'}
        >
          {isLocked ? t('economics.lock.unlock') : t('economics.lock.lock')}
        </Button>
      )}
      {isClosed ? (
        <Button variant="default" onClick={reopenDialog.open} data-testid="reopen-period">
          {t('economics.period.reopen')}
        </Button>
      ) : (
        <Button
          color="dark"
          onClick={closeDialog.open}
          disabled={!hasEnded}
          title={hasEnded ? undefined : t('economics.period.notEnded')}
          data-testid="close-period"
        >
          {t('economics.period.close')}
        </Button>
      )}
      <ConfirmDialog
        opened={isCloseOpen}
        onClose={closeDialog.close}
        title={t('economics.period.closeTitle', { month: format.monthInSentence(period) })}
        message={t('economics.period.closeText')}
        confirmLabel={t('economics.period.close')}
        onConfirm={close}
      />
      <ReasonModal
        opened={isReopenOpen}
        title={t('economics.period.reopenTitle', { month: format.monthInSentence(period) })}
        text={t('economics.period.reopenText')}
        label={t('economics.period.reopenReason')}
        submitLabel={t('economics.period.reopen')}
        requiredMessage={t('economics.errors.reasonRequired')}
        testId="reopen-period-form"
        onClose={reopenDialog.close}
        onSubmit={async (reason) => {
          onChange(await economicsApi.reopen(org.slug, period, reason));
          notifySuccess(t('economics.period.reopenedNotice', { month: format.period(period) }));
        }}
        onError={(error) => localizeEconomicsError(error, format.money)}
      />
    </>
  );
}
