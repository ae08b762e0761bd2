import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useMutationForm } from '../../shared/use-mutation-form';
import { governanceApi } from '../governance/governance.api';
import { economicsApi, FULFILLMENT_MODES, type FulfillmentMode, type PoolMode } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { PoolModeSelect } from './pool-mode-select';
import { useEconomicsFormat } from './use-economics-format';

const FIELDS = ['poolRate', 'reserveRate', 'fulfillment', 'poolMode', 'reserveRightId'];
/** Rates are shown as percentages; the API takes shares of 1 with at most 6 decimals. */
const toPercent = (rate: number) => Math.round(rate * 1e6) / 1e4;
const toRate = (percent: number) => Math.round(percent * 1e4) / 1e6;

/** The organization's pool rate (20% by default), reserve rate and whether kept client promises scale the pool. */
export function SettingsForm({ canEdit, onChange }: { canEdit: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const settings = useResource(() => economicsApi.settings(org.slug), org.slug);
  const rights = useResource(() => governanceApi.rights(org.slug), org.slug);
  const [pool, setPool] = useState<number | string>('');
  const [reserve, setReserve] = useState<number | string>('');
  const [mode, setMode] = useState<FulfillmentMode>('off');
  const [poolMode, setPoolMode] = useState<PoolMode>('profit_share');
  const [rightId, setRightId] = useState<string | null>(null);
  const form = useMutationForm(FIELDS, { mapError: (error) => localizeEconomicsError(error, format.money) });

  useEffect(() => {
    if (!settings.data) return;
    setPool(toPercent(settings.data.poolRate));
    setReserve(toPercent(settings.data.reserveRate));
    setMode(settings.data.fulfillment);
    setPoolMode(settings.data.poolMode);
    setRightId(settings.data.reserveRightId ?? null);
  }, [settings.data]);

  if (settings.isLoading && !settings.data) return <LoadingState />;
  if (settings.error || !settings.data) return <ErrorState error={settings.error} onRetry={settings.reload} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: { path: string; message: string }[] = [];
    if (pool === '') local.push({ path: 'poolRate', message: t('validation.required') });
    if (reserve === '') local.push({ path: 'reserveRate', message: t('validation.required') });
    if (local.length > 0) return form.handle(new ApiError(422, 'validation_failed', '', local));
    void form.run(async () => {
      const saved = await economicsApi.putSettings(org.slug, {
        poolRate: toRate(Number(pool)),
        reserveRate: toRate(Number(reserve)),
        fulfillment: mode,
        poolMode,
        reserveRightId: rightId,
      });
      settings.setData(() => saved);
      notifySuccess(t('economics.settings.saved'));
      onChange();
    });
  };
  const percentInput = (label: string, hint: string, value: number | string, set: (v: number | string) => void, field: string) => (
    <NumberInput
      label={label}
      description={hint}
      suffix=" %"
      min={0}
      max={100}
      decimalScale={4}
      decimalSeparator={format.locale === 'ru' ? ',' : '.'}
      value={value}
      disabled={!canEdit}
      onChange={(next) => {
        set(next);
        form.clear(field);
      }}
      error={form.errorOf(field)}
    />
  );

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate data-testid="economics-settings">
      <Stack>
        <div>
          <Title order={4}>{t('economics.settings.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('economics.settings.description')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {percentInput(t('economics.settings.poolRate'), t('economics.settings.poolRateHint'), pool, setPool, 'poolRate')}
          {percentInput(
            t('economics.settings.reserveRate'),
            `${t('economics.settings.reserveRateHint')} · ${t('economics.settings.reserveRateDefault')}`,
            reserve,
            setReserve,
            'reserveRate',
          )}
        </SimpleGrid>
        <Select
          label={t('economics.reserve.right')}
          description={t('economics.reserve.rightHint')}
          placeholder={t('economics.reserve.noRightOption')}
          data={(rights.data?.items ?? []).map((right) => ({ value: right.id, label: right.name }))}
          value={rightId}
          onChange={(value) => {
            setRightId(value);
            form.clear('reserveRightId');
          }}
          clearable
          searchable
          disabled={!canEdit}
          error={form.errorOf('reserveRightId')}
          data-testid="reserve-right"
        />
        <PoolModeSelect
          value={poolMode}
          onChange={(next) => {
            setPoolMode(next);
            form.clear('poolMode');
          }}
          disabled={!canEdit}
          error={form.errorOf('poolMode')}
        />
        <Select
          label={t('economics.settings.fulfillment')}
          description={t(`economics.fulfillmentModeHints.${mode}`)}
          data={FULFILLMENT_MODES.map((value) => ({ value, label: t(`economics.fulfillmentModes.${value}`) }))}
          value={mode}
          onChange={(value) => {
            setMode((value as FulfillmentMode) ?? 'off');
            form.clear('fulfillment');
          }}
          allowDeselect={false}
          disabled={!canEdit}
          error={form.errorOf('fulfillment')}
        />
        <Text size="xs" c="dimmed">
          {t('economics.settings.appliesToOpen')}
        </Text>
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={form.isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
