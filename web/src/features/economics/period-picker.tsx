import { ActionIcon, Badge, Group, Select, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { ChevronIcon } from '../../shared/ui/icons';
import type { PeriodListItem } from './economics.api';
import { currentPeriod, monthOptions, shiftPeriod } from './economics-format';
import { useEconomicsFormat } from './use-economics-format';

interface PeriodPickerProps {
  period: string;
  onChange: (period: string) => void;
  /** The months the organization has figures for (GET …/periods), to mark the closed ones. */
  known: readonly PeriodListItem[];
}

/** The month a page shows: previous / a list of months (closed ones marked) / next, up to the current month. */
export function PeriodPicker({ period, onChange, known }: PeriodPickerProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const current = currentPeriod(org.timeZone);
  const options = monthOptions(current, known, period);
  const data = options.map((option) => ({
    value: option.period,
    label: option.isClosed ? t('economics.period.closedOption', { month: format.period(option.period) }) : format.period(option.period),
  }));
  const previous = shiftPeriod(period, -1);
  const next = shiftPeriod(period, 1);
  return (
    <Group gap={4} wrap="nowrap" data-testid="period-picker">
      <Tooltip label={format.period(previous)}>
        <ActionIcon variant="default" size="lg" onClick={() => onChange(previous)} aria-label={t('economics.period.previous')}>
          <span style={{ display: 'flex', transform: 'rotate(180deg)' }}>
            <ChevronIcon />
          </span>
        </ActionIcon>
      </Tooltip>
      <Select
        aria-label={t('economics.period.label')}
        data={data}
        value={period}
        onChange={(value) => value && onChange(value)}
        allowDeselect={false}
        w={250}
        comboboxProps={{ withinPortal: true }}
        maxDropdownHeight={320}
        data-testid="period-select"
      />
      <Tooltip label={format.period(next)}>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => onChange(next)}
          disabled={period >= current}
          aria-label={t('economics.period.next')}
        >
          <ChevronIcon />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** Open (inputs accepted) or closed (frozen figures): with its word, never colour alone. */
export function PeriodStatusBadge({ isClosed }: { isClosed: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={isClosed ? t('economics.period.closedHint') : t('economics.period.openHint')} multiline w={280}>
      <Badge color={isClosed ? 'gray' : 'teal'} variant={isClosed ? 'filled' : 'light'} data-testid="period-status" data-closed={isClosed}>
        {isClosed ? t('economics.period.closed') : t('economics.period.open')}
      </Badge>
    </Tooltip>
  );
}
