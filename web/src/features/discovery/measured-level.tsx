import { Badge, Stack, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DraftFactor, measurementOf } from './canvas-draft';
import { useDiscoveryFormat } from './format';

interface MeasuredLevelProps {
  factor: DraftFactor;
  /** The accessible name, as a level input would have it: "<curve>: <factor>". */
  label: string;
  /** The title of the bound promise, for the hint. */
  promiseTitle: string;
}

/**
 * The current level of a factor bound to a promise, in place of the level input: not typed by hand
 * but read from the promise (attainment × 10, marked "measured"); while the promise has no data
 * yet, or until the binding is saved, the level set by hand, marked so.
 */
export function MeasuredLevel({ factor, label, promiseTitle }: MeasuredLevelProps) {
  const { t } = useTranslation();
  const format = useDiscoveryFormat();
  const measurement = measurementOf(factor);
  const isMeasured = measurement.kind === 'measured';
  const hint = isMeasured
    ? t('canvas.binding.levelHint', { title: promiseTitle })
    : measurement.kind === 'noData'
      ? t('canvas.binding.levelHintNoData', { title: promiseTitle })
      : t('canvas.binding.pending');
  return (
    <Tooltip label={hint} multiline w={260} withArrow openDelay={200}>
      <Stack gap={3} align="center" w={72}>
        <TextInput
          aria-label={label}
          aria-description={hint}
          value={isMeasured ? format.number(measurement.level) : String(factor.current)}
          readOnly
          variant="filled"
          size="xs"
          w={72}
          data-testid="measured-level"
          data-state={measurement.kind}
          styles={{
            input: {
              textAlign: 'center',
              fontVariantNumeric: 'tabular-nums',
              fontWeight: isMeasured ? 600 : undefined,
              color: isMeasured ? 'var(--mantine-color-teal-8)' : 'var(--mantine-color-dimmed)',
              borderColor: isMeasured ? 'var(--mantine-color-teal-4)' : undefined,
            },
          }}
        />
        {isMeasured ? (
          <Badge size="xs" variant="outline" color="teal" data-testid="factor-measured">
            {t('canvas.measured')}
          </Badge>
        ) : measurement.kind === 'noData' ? (
          <Badge size="xs" variant="light" color="gray" data-testid="factor-no-data">
            {t('canvas.binding.noDataBadge')}
          </Badge>
        ) : null}
      </Stack>
    </Tooltip>
  );
}
