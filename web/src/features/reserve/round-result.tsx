import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEconomicsFormat } from '../economics/use-economics-format';
import type { RoundResult } from './reserve.api';

/** Both methods side by side: which projects each funds, what each spends and leaves. */
export function RoundResultPanel({ result }: { result: RoundResult }) {
  const { t } = useTranslation();
  const money = useEconomicsFormat().money;
  const chosen = (method: RoundResult['method']) =>
    result.method === method ? (
      <Badge size="xs" ml={4} variant="light">
        {t('reserve.chosen')}
      </Badge>
    ) : null;
  const mesNote = (id: string) => {
    if (result.mes.byRule.includes(id)) {
      const rho = result.mes.rhoMinor[id];
      return `${t('reserve.byRule')}${rho === undefined ? '' : `, ${t('reserve.rho', { amount: money(Math.round(rho)) })}`}`;
    }
    return result.mes.completion.includes(id) ? t('reserve.completion') : '';
  };
  const rows = [...result.projects].sort((a, b) => b.votes - a.votes || a.costMinor - b.costMinor);
  return (
    <Paper withBorder radius="md" p="md" data-testid="round-result">
      <Stack gap="xs">
        <Title order={4}>{t('reserve.result')}</Title>
        <Text size="sm" c="dimmed">
          {result.frozen ? t('reserve.resultFrozen') : t('reserve.resultLive')} {t('reserve.voters')}: {result.voters}.{' '}
          {result.voters > 0 ? t('reserve.voterShare', { amount: money(Math.round(result.mes.voterShareMinor)) }) : t('reserve.noBallots')}
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reserve.fields.projectTitle')}</Table.Th>
                <Table.Th ta="right">{t('reserve.votes')}</Table.Th>
                <Table.Th ta="right">{t('reserve.cost')}</Table.Th>
                <Table.Th>
                  {t('reserve.method.greedy')}
                  {chosen('greedy')}
                </Table.Th>
                <Table.Th>
                  {t('reserve.method.mes')}
                  {chosen('mes')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id} data-testid="result-row">
                  <Table.Td>{p.title}</Table.Td>
                  <Table.Td ta="right">{p.votes}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(p.costMinor)}
                  </Table.Td>
                  <Table.Td data-testid="greedy-cell">{result.greedy.funded.includes(p.id) ? `✓ ${t('reserve.funded')}` : '—'}</Table.Td>
                  <Table.Td data-testid="mes-cell">
                    {result.mes.funded.includes(p.id) ? `✓ ${t('reserve.funded')}` : '—'}
                    <Text size="xs" c="dimmed">
                      {mesNote(p.id)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={600}>{t('reserve.spent')}</Table.Td>
                <Table.Td />
                <Table.Td />
                <Table.Td fw={600}>{money(result.greedy.spentMinor)}</Table.Td>
                <Table.Td fw={600}>{money(result.mes.spentMinor)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('reserve.left')}</Table.Td>
                <Table.Td />
                <Table.Td />
                <Table.Td>{money(result.greedy.leftMinor)}</Table.Td>
                <Table.Td>{money(result.mes.leftMinor)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
