import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinorUnits } from '../../../../src/core/money';
import { ApiError } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { fromMinorUnits, MoneyInput } from '../../shared/ui/money-input';
import { useMutationForm } from '../../shared/use-mutation-form';
import { economicsApi, type TeamEconomics } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { useEconomicsFormat } from './use-economics-format';

const FIELDS = ['budgetMinor', 'bonusFundMinor'];

/**
 * The team's expense budget and bonus fund for the month (government organizations, budgeted bonus
 * mode): an admin enters them while the month is open; the pool is the fund × the fulfillment index.
 */
export function TeamBudgetForm({ teamId, figures, onSaved }: { teamId: string; figures: TeamEconomics; onSaved: () => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [budget, setBudget] = useState<number | string>('');
  const [fund, setFund] = useState<number | string>('');
  const form = useMutationForm(FIELDS, { mapError: (error) => localizeEconomicsError(error, format.money) });

  useEffect(() => {
    setBudget(fromMinorUnits(figures.budgetMinor ?? null, org.currency));
    setFund(fromMinorUnits(figures.bonusFundMinor ?? null, org.currency));
  }, [figures.budgetMinor, figures.bonusFundMinor, org.currency]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const budgetMinor = toMinorUnits(budget, org.currency);
    const bonusFundMinor = toMinorUnits(fund, org.currency);
    const local: { path: string; message: string }[] = [];
    if (budgetMinor === null) local.push({ path: 'budgetMinor', message: t('validation.required') });
    if (bonusFundMinor === null) local.push({ path: 'bonusFundMinor', message: t('validation.required') });
    if (budgetMinor === null || bonusFundMinor === null) return form.handle(new ApiError(422, 'validation_failed', '', local));
    void form.run(async () => {
      await economicsApi.putBudget(org.slug, figures.period, teamId, { budgetMinor, bonusFundMinor });
      notifySuccess(t('economics.budgeted.saved'));
      onSaved();
    });
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate data-testid="team-budget-form">
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('economics.budgeted.formTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('economics.budgeted.formHint')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MoneyInput
            label={t('economics.budgeted.budget', { currency: org.currency })}
            value={budget}
            onChange={(value) => {
              setBudget(value);
              form.clear('budgetMinor');
            }}
            error={form.errorOf('budgetMinor')}
            data-testid="team-budget"
          />
          <MoneyInput
            label={t('economics.budgeted.bonusFund', { currency: org.currency })}
            value={fund}
            onChange={(value) => {
              setFund(value);
              form.clear('bonusFundMinor');
            }}
            error={form.errorOf('bonusFundMinor')}
            data-testid="team-bonus-fund"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.isBusy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
