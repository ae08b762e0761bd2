import { Button, Group, NumberInput, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { fieldError } from '../decisions/field-messages';
import { economicsApi, OVERHEAD_RULES, type OverheadRuleKind, type PeriodEconomics } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { percentagesSumBp } from './economics-model';
import { useEconomicsFormat } from './use-economics-format';

interface OverheadRuleFormProps {
  figures: PeriodEconomics;
  canEdit: boolean;
  onChange: () => void;
}

/** How the month's overhead is shared among teams: per capita, by hours, by revenue, or fixed percentages summing to 100. */
export function OverheadRuleForm({ figures, canEdit, onChange }: OverheadRuleFormProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [rule, setRule] = useState<OverheadRuleKind>(figures.overheadRule);
  const [percentages, setPercentages] = useState<Record<string, number>>({});
  const form = useMutationForm(['rule', 'percentages', ...figures.teams.map((team) => `percentages.${team.teamId}`)], {
    mapError: (error) => localizeEconomicsError(error, format.money),
  });
  const isEditable = canEdit && !figures.closed;

  // biome-ignore lint/correctness/useExhaustiveDependencies: start again from the stored rule when the month or its rule changes
  useEffect(() => {
    setRule(figures.overheadRule);
    setPercentages(figures.overheadPercentages ?? {});
    form.clear();
  }, [figures.period, figures.overheadRule, figures.overheadPercentages]);

  const sumBp = percentagesSumBp(percentages);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rule === 'fixed' && sumBp !== 10_000)
      return form.handle(fieldError('percentages', t('economics.overhead.mustSum', { sum: format.decimal(sumBp / 100) })));
    void form.run(async () => {
      await economicsApi.putOverheadRule(org.slug, figures.period, rule === 'fixed' ? { rule, percentages } : { rule });
      notifySuccess(t('economics.overhead.saved'));
      onChange();
    });
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate data-testid="overhead-rule">
      <Stack>
        <div>
          <Title order={4}>{t('economics.overhead.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('economics.overhead.description', { amount: format.money(figures.overheadTotalMinor) })}
          </Text>
        </div>
        <Radio.Group
          value={rule}
          onChange={(value) => setRule(value as OverheadRuleKind)}
          error={form.errorOf('rule')}
          aria-label={t('economics.overhead.title')}
        >
          <Stack gap="xs">
            {OVERHEAD_RULES.map((option) => (
              <Radio key={option} value={option} label={t(`economics.overheadRules.${option}`)} disabled={!isEditable} />
            ))}
          </Stack>
        </Radio.Group>
        {rule === 'fixed' ? (
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              {figures.teams.map((team) => (
                <NumberInput
                  key={team.teamId}
                  label={team.teamName}
                  suffix=" %"
                  min={0}
                  max={100}
                  decimalScale={2}
                  decimalSeparator={format.locale === 'ru' ? ',' : '.'}
                  value={percentages[team.teamId] ?? ''}
                  disabled={!isEditable}
                  onChange={(value) => {
                    setPercentages((current) => ({ ...current, [team.teamId]: typeof value === 'number' ? value : 0 }));
                    form.clear(`percentages.${team.teamId}`);
                    form.clear('percentages');
                  }}
                  error={form.errorOf(`percentages.${team.teamId}`)}
                />
              ))}
            </SimpleGrid>
            <Text size="sm" c={form.errorOf('percentages') ? 'red' : sumBp === 10_000 ? 'teal' : 'dimmed'} data-testid="percentages-sum">
              {form.errorOf('percentages') ?? t('economics.overhead.sum', { sum: format.decimal(sumBp / 100) })}
            </Text>
          </Stack>
        ) : null}
        {isEditable ? (
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
