import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamEconomics } from './economics.api';
import { useEconomicsFormat } from './use-economics-format';

function Stat({
  label,
  value,
  hint,
  testId,
  tone,
  hidden,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId: string;
  tone?: string;
  hidden?: boolean;
}) {
  if (hidden) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} bg={tone ? `var(--mantine-color-${tone}-0)` : undefined}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="xl" mt={4} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The team's month in figures: net profit, hourly efficiency, fulfillment, pool (and what was withheld), reserve, your share. */
export function EconomicsStats({ figures, myShareMinor }: { figures: TeamEconomics; myShareMinor: number | null }) {
  const { t } = useTranslation();
  const format = useEconomicsFormat();
  const tied = figures.fulfillmentMode !== 'off';
  // Government organizations: savings against the budget are the profit line, the pool the bonus fund × the index.
  const budgeted = figures.poolMode === 'budgeted_bonus';
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: myShareMinor === null ? 5 : 6 }} spacing="sm">
      {budgeted ? (
        <Stat
          testId="stat-savings"
          label={t('economics.budgeted.savings')}
          value={
            figures.savingsMinor === null || figures.savingsMinor === undefined ? (
              '—'
            ) : (
              <span style={{ color: figures.savingsMinor < 0 ? 'var(--mantine-color-red-7)' : undefined }}>
                {format.money(figures.savingsMinor)}
              </span>
            )
          }
          hint={
            figures.budgetMinor === null || figures.budgetMinor === undefined
              ? t('economics.budgeted.noBudget')
              : t('economics.budgeted.savingsHint', {
                  budget: format.money(figures.budgetMinor),
                  spent: format.money(-figures.netProfitMinor),
                })
          }
        />
      ) : null}
      <Stat
        hidden={budgeted}
        testId="stat-net-profit"
        label={t('economics.stats.netProfit')}
        value={
          <span style={{ color: figures.netProfitMinor < 0 ? 'var(--mantine-color-red-7)' : undefined }}>
            {format.money(figures.netProfitMinor)}
          </span>
        }
        hint={t('economics.stats.netProfitHint')}
      />
      <Stat
        testId="stat-efficiency"
        label={t('economics.stats.efficiency')}
        value={
          figures.hourlyEfficiencyMinor === null ? '—' : t('economics.perHour', { amount: format.money(figures.hourlyEfficiencyMinor) })
        }
        hint={figures.hours > 0 ? t('economics.stats.hours', { hours: format.hours(figures.hours) }) : t('economics.noHours')}
      />
      <Stat
        testId="stat-fulfillment"
        label={t('economics.stats.fulfillment')}
        value={format.share(figures.fulfillmentIndex)}
        hint={tied ? t(`economics.fulfillmentModes.${figures.fulfillmentMode}`) : t('economics.stats.fulfillmentOff')}
      />
      <Stat
        testId="stat-pool"
        label={budgeted ? t('economics.budgeted.pool') : t('economics.stats.pool')}
        value={format.money(figures.poolMinor)}
        hint={
          budgeted
            ? budgetedPoolHint(figures, t, format.money)
            : figures.withheldMinor > 0
              ? t('economics.stats.poolWithheld', { rate: format.share(figures.poolRate), withheld: format.money(figures.withheldMinor) })
              : t('economics.stats.poolHint', { rate: format.share(figures.poolRate) })
        }
      />
      <Stat
        testId="stat-reserve"
        label={t('economics.stats.reserve')}
        value={format.money(figures.reserveMinor)}
        hint={t(budgeted ? 'economics.budgeted.reserveHint' : 'economics.stats.reserveHint', { rate: format.share(figures.reserveRate) })}
      />
      {myShareMinor !== null ? (
        <Stat
          testId="stat-my-share"
          tone="blue"
          label={t('economics.stats.myShare')}
          value={format.money(myShareMinor)}
          hint={t('economics.stats.myShareHint')}
        />
      ) : null}
    </SimpleGrid>
  );
}

/** The budgeted pool's hint: the fund × the index, or why there is none (no budget, or the budget overspent). */
function budgetedPoolHint(figures: TeamEconomics, t: TFunction, money: (minor: number) => string): string {
  if (figures.budgetMinor === null || figures.budgetMinor === undefined) return t('economics.budgeted.noBudget');
  if ((figures.savingsMinor ?? 0) < 0) return t('economics.budgeted.overspent', { fund: money(figures.bonusFundMinor ?? 0) });
  return t('economics.budgeted.poolHint', { fund: money(figures.bonusFundMinor ?? 0), withheld: money(figures.withheldMinor) });
}
