import { Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { budgetOutlook } from '../../../../src/core/promises/budget';
import { intlLocale } from '../../shared/i18n';
import { durationMs, formatDuration, formatNumber, formatPercent } from './promise-format';
import type { PromiseStatus } from './promises.api';

/**
 * "3 d 4 h" until the budget left is spent at this rate (budget left × window ÷ burn rate; docs/formulas.md);
 * "the error budget is spent" when none is left — never a positive time then.
 */
function exhaustion(
  budgetRemaining: number,
  rate: number,
  windowMs: number,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const outlook = budgetOutlook(budgetRemaining, rate, windowMs);
  if (outlook.kind === 'spent') return t('promises.burn.spent');
  if (outlook.kind === 'steady') return '—';
  const hours = Math.round(outlook.ms / 3_600_000);
  if (hours >= 48) return t('promises.units.days', { n: Math.round(hours / 24) });
  if (hours >= 1) return t('promises.units.hours', { n: hours });
  return t('promises.units.minutes', { n: Math.max(1, Math.round(outlook.ms / 60_000)) });
}

/** Burn rates over each look-back and the four multiwindow alert rows (docs/formulas.md), scaled to the window. */
export function PromiseAlerts({ status, windowMs }: { status: PromiseStatus; windowMs: number }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const rate = (value: number) => `×${formatNumber(value, locale, 2)}`;
  const maxThreshold = Math.max(...status.alerts.map((alert) => alert.threshold), 1);
  const sorted = [...status.burnRates].sort((a, b) => durationMs(a.window) - durationMs(b.window));

  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md" data-testid="alert-rows">
        <Stack gap="xs">
          <Title order={3}>{t('promises.alerts.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('promises.alerts.hint')}
          </Text>
          <Table.ScrollContainer minWidth={480} type="native">
            <Table verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('promises.alerts.severity')}</Table.Th>
                  <Table.Th>{t('promises.alerts.spent')}</Table.Th>
                  <Table.Th>{t('promises.alerts.windows')}</Table.Th>
                  <Table.Th ta="right">{t('promises.alerts.threshold')}</Table.Th>
                  <Table.Th>{t('promises.alerts.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {status.alerts.map((alert) => (
                  <Table.Tr
                    key={`${alert.severity}-${alert.longWindow}`}
                    data-testid="alert-row"
                    data-firing={alert.firing}
                    bg={alert.firing ? 'red.0' : undefined}
                  >
                    <Table.Td>
                      <Badge color={alert.severity === 'page' ? 'red' : 'yellow'} variant="light">
                        {t(`promises.alerts.severities.${alert.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {windowMs > 0 ? formatPercent((alert.threshold * durationMs(alert.longWindow)) / windowMs, locale, 1) : '—'}
                    </Table.Td>
                    <Table.Td>
                      {t('promises.alerts.windowPair', {
                        long: formatDuration(alert.longWindow, t),
                        short: formatDuration(alert.shortWindow, t),
                      })}
                    </Table.Td>
                    <Table.Td ta="right">{rate(alert.threshold)}</Table.Td>
                    <Table.Td>
                      {alert.firing ? (
                        <Badge color="red" variant="filled">
                          {t('promises.alerts.firing')}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('promises.alerts.quiet')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" data-testid="burn-rates">
        <Stack gap="xs">
          <Title order={3}>{t('promises.burn.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('promises.burn.hint')}
          </Text>
          <Table.ScrollContainer minWidth={380} type="native">
            <Table verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('promises.burn.lookback')}</Table.Th>
                  <Table.Th ta="right">{t('promises.burn.rate')}</Table.Th>
                  <Table.Th ta="right">{t('promises.burn.exhaustion')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((burn) => (
                  <Table.Tr key={burn.window} data-testid="burn-row">
                    <Table.Td>{t('promises.burn.last', { duration: formatDuration(burn.window, t) })}</Table.Td>
                    <Table.Td
                      ta="right"
                      fw={burn.rate >= 1 ? 600 : undefined}
                      c={burn.rate >= maxThreshold ? 'red.7' : burn.rate >= 1 ? 'orange.8' : undefined}
                    >
                      {rate(burn.rate)}
                    </Table.Td>
                    <Table.Td ta="right" c="dimmed">
                      {exhaustion(status.budgetRemaining, burn.rate, windowMs, t)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
