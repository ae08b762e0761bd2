import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { POOL_MODES, type PoolMode } from './economics.api';

/**
 * Where the teams' pools come from: a share of net profit, or (government organizations only) each
 * team's budgeted bonus fund × the fulfillment index. Hidden in a business organization.
 */
export function PoolModeSelect({
  value,
  onChange,
  disabled,
  error,
}: {
  value: PoolMode;
  onChange: (mode: PoolMode) => void;
  disabled: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  if (org.kind !== 'government' && value === 'profit_share') return null;
  return (
    <Select
      label={t('economics.budgeted.poolMode')}
      description={t(`economics.budgeted.poolModeHints.${value}`)}
      data={POOL_MODES.map((mode) => ({ value: mode, label: t(`economics.budgeted.poolModes.${mode}`) }))}
      value={value}
      onChange={(next) => onChange((next as PoolMode) ?? 'profit_share')}
      allowDeselect={false}
      disabled={disabled}
      error={error}
      data-testid="pool-mode"
    />
  );
}
