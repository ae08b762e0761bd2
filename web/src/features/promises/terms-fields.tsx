import {
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { MoneyInput } from '../../shared/ui/money-input';
import type { TermsDraft } from './promise-draft';
import { opSymbol } from './promise-format';
import { REDRESS_KINDS, type RedressKind, THRESHOLD_OPS, type ThresholdOp } from './promises.api';

export const TERMS_FIELDS = [
  'statement',
  'metric',
  'metric.op',
  'metric.threshold',
  'metric.unit',
  'target',
  'window',
  'window.days',
  'window.period',
  'redress',
  'redress.kind',
  'redress.amount',
  'redress.text',
] as const;

interface TermsFieldsProps {
  draft: TermsDraft;
  onChange: (patch: Partial<TermsDraft>) => void;
  errorOf: (field: string) => string | undefined;
  clear: (field?: string) => void;
  /** The person this promise is made to, for the hints: a client or a team. */
  kind: 'client' | 'internal';
}

const wrapperOrder: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** The terms of a promise: statement, metric, target, window and redress (a draft's, or a new version's). */
export function TermsFields({ draft, onChange, errorOf, clear, kind }: TermsFieldsProps) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const set = (patch: Partial<TermsDraft>, ...fields: string[]) => {
    onChange(patch);
    for (const field of fields) clear(field);
  };
  const decimal = i18n.language === 'ru' ? ',' : '.';

  return (
    <Stack gap="md">
      <Textarea
        label={t('promises.form.statement')}
        description={kind === 'client' ? t('promises.form.statementHint') : t('promises.form.statementHintInternal')}
        placeholder={t('promises.form.statementPlaceholder')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2000}
        value={draft.statement}
        onChange={(event) => set({ statement: event.currentTarget.value }, 'statement')}
        error={errorOf('statement')}
        required
        inputWrapperOrder={wrapperOrder}
      />
      <Fieldset legend={t('promises.form.metric')} variant="filled" radius="md">
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            value={draft.metricKind}
            onChange={(value) => set({ metricKind: value as TermsDraft['metricKind'] }, 'metric', 'metric.threshold')}
            data={[
              { value: 'threshold', label: t('promises.metric.threshold') },
              { value: 'ratio', label: t('promises.metric.ratio') },
            ]}
            aria-label={t('promises.form.metric')}
          />
          <Text size="xs" c="dimmed">
            {draft.metricKind === 'ratio' ? t('promises.metric.ratioHint') : t('promises.metric.thresholdHint')}
          </Text>
          {draft.metricKind === 'threshold' ? (
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <Select
                label={t('promises.form.op')}
                data={THRESHOLD_OPS.map((op) => ({ value: op, label: `${opSymbol(op)} ${t(`promises.ops.${opKey(op)}`)}` }))}
                value={draft.op}
                onChange={(value) => value && set({ op: value as ThresholdOp }, 'metric.op')}
                allowDeselect={false}
                error={errorOf('metric.op')}
              />
              <NumberInput
                label={t('promises.form.threshold')}
                placeholder="24"
                value={draft.threshold}
                onChange={(value) => set({ threshold: value }, 'metric.threshold')}
                decimalSeparator={decimal}
                hideControls
                error={errorOf('metric.threshold')}
                required
              />
              <TextInput
                label={t('promises.form.unit')}
                placeholder={t('promises.form.unitPlaceholder')}
                value={draft.unit}
                maxLength={50}
                onChange={(event) => set({ unit: event.currentTarget.value }, 'metric.unit')}
                error={errorOf('metric.unit')}
              />
            </SimpleGrid>
          ) : null}
        </Stack>
      </Fieldset>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NumberInput
          label={t('promises.form.target')}
          description={t('promises.form.targetHint')}
          value={draft.targetPercent}
          onChange={(value) => set({ targetPercent: value }, 'target')}
          min={0}
          max={100}
          decimalScale={3}
          decimalSeparator={decimal}
          suffix=" %"
          hideControls
          error={errorOf('target')}
          required
          inputWrapperOrder={wrapperOrder}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('promises.form.window')}
          </Text>
          <SegmentedControl
            fullWidth
            value={draft.windowKind}
            onChange={(value) => set({ windowKind: value as TermsDraft['windowKind'] }, 'window', 'window.days')}
            data={[
              { value: 'rolling', label: t('promises.window.rolling') },
              { value: 'calendar', label: t('promises.window.calendar') },
            ]}
            aria-label={t('promises.form.window')}
          />
          {draft.windowKind === 'rolling' ? (
            <NumberInput
              aria-label={t('promises.form.days')}
              value={draft.days}
              onChange={(value) => set({ days: value }, 'window.days')}
              min={1}
              max={366}
              allowDecimal={false}
              suffix={` ${t('promises.form.daysSuffix')}`}
              error={errorOf('window.days')}
            />
          ) : (
            <SegmentedControl
              fullWidth
              value={draft.period}
              onChange={(value) => set({ period: value as TermsDraft['period'] }, 'window.period')}
              data={[
                { value: 'month', label: t('promises.window.month') },
                { value: 'quarter', label: t('promises.window.quarter') },
              ]}
              aria-label={t('promises.form.period')}
            />
          )}
          <Text size="xs" c="dimmed">
            {draft.windowKind === 'rolling' ? t('promises.window.rollingHint') : t('promises.window.calendarHint', { zone: org.timeZone })}
          </Text>
        </Stack>
      </SimpleGrid>
      <Fieldset legend={t('promises.form.redress')} variant="filled" radius="md">
        <Stack gap="sm">
          <Switch
            label={t('promises.form.hasRedress')}
            description={t('promises.form.hasRedressHint')}
            checked={draft.hasRedress}
            onChange={(event) => set({ hasRedress: event.currentTarget.checked }, 'redress', 'redress.amount', 'redress.text')}
          />
          {draft.hasRedress ? (
            <>
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t('promises.form.redressKind')}
                  data={REDRESS_KINDS.map((kind) => ({ value: kind, label: t(`promises.redressKinds.${kind}`) }))}
                  value={draft.redressKind}
                  onChange={(value) => value && set({ redressKind: value as RedressKind }, 'redress.kind', 'redress.amount')}
                  allowDeselect={false}
                  error={errorOf('redress.kind')}
                  style={{ minWidth: 180 }}
                />
                {draft.redressKind === 'compensation' ? (
                  <MoneyInput
                    label={t('promises.form.redressAmount', { currency: org.currency })}
                    value={draft.redressAmount}
                    onChange={(value) => set({ redressAmount: value }, 'redress.amount')}
                    error={errorOf('redress.amount')}
                    required
                    style={{ minWidth: 180 }}
                  />
                ) : null}
              </Group>
              <Textarea
                label={t('promises.form.redressText')}
                placeholder={t('promises.form.redressTextPlaceholder')}
                autosize
                minRows={2}
                maxRows={5}
                maxLength={2000}
                value={draft.redressText}
                onChange={(event) => set({ redressText: event.currentTarget.value }, 'redress.text')}
                error={errorOf('redress.text')}
                required
              />
            </>
          ) : null}
        </Stack>
      </Fieldset>
    </Stack>
  );
}

/** The translation key of a comparison: `<=` → "lte". */
export function opKey(op: ThresholdOp): 'lte' | 'lt' | 'gte' | 'gt' {
  return op === '<=' ? 'lte' : op === '<' ? 'lt' : op === '>=' ? 'gte' : 'gt';
}
