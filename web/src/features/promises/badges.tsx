import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Fulfillment, PromiseKind, PromiseLifecycle } from './promises.api';

export const FULFILLMENT_COLORS: Record<Fulfillment, string> = { kept: 'teal', at_risk: 'yellow', broken: 'red', no_data: 'gray' };
const LIFECYCLE_COLORS: Record<PromiseLifecycle, string> = { draft: 'gray', published: 'blue', retired: 'dark' };

/** Kept, at risk, broken or no data: always with its word, never colour alone. */
export function FulfillmentBadge({ status, size = 'md' }: { status: Fulfillment; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={FULFILLMENT_COLORS[status]}
      variant={status === 'no_data' ? 'light' : 'filled'}
      autoContrast
      size={size}
      data-testid="fulfillment-status"
      data-status={status}
    >
      {t(`promises.fulfillment.${status}`)}
    </Badge>
  );
}

export function LifecycleBadge({ status }: { status: PromiseLifecycle }) {
  const { t } = useTranslation();
  return (
    <Badge color={LIFECYCLE_COLORS[status]} variant="light" data-testid="lifecycle-status" data-status={status}>
      {t(`promises.lifecycle.${status}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: PromiseKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'client' ? 'grape' : 'cyan'} variant="outline" size="sm">
      {t(`promises.kinds.${kind}`)}
    </Badge>
  );
}

/** The team lost a capability or right the promise needs. */
export function UnbackedBadge({ isUnbacked }: { isUnbacked: boolean }) {
  const { t } = useTranslation();
  if (!isUnbacked) return null;
  return (
    <Tooltip label={t('promises.badges.unbackedHint')} multiline w={260} withArrow>
      <Badge color="orange" variant="filled" data-testid="unbacked-badge">
        {t('promises.badges.unbacked')}
      </Badge>
    </Tooltip>
  );
}

/** An admin published this promise to clients without its declared backing, recording why. */
export function BackingWaivedBadge({ isWaived }: { isWaived: boolean }) {
  const { t } = useTranslation();
  if (!isWaived) return null;
  return (
    <Tooltip label={t('promises.badges.waivedHint')} multiline w={260} withArrow>
      <Badge color="yellow" variant="light" size="sm" autoContrast data-testid="backing-waived-badge">
        {t('promises.badges.waived')}
      </Badge>
    </Tooltip>
  );
}

/** An alert row fires: the budget burns fast enough to act. */
export function AlertBadge({ isFiring }: { isFiring: boolean }) {
  const { t } = useTranslation();
  if (!isFiring) return null;
  return (
    <Tooltip label={t('promises.badges.alertHint')} multiline w={260} withArrow>
      <Badge color="red" variant="outline" data-testid="alert-badge">
        {t('promises.badges.alert')}
      </Badge>
    </Tooltip>
  );
}
