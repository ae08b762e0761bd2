import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEconomicsFormat } from '../economics/use-economics-format';
import type { RoundResult } from './participation.api';

/** Both methods side by side: which projects each funds, what each spends and leaves. */
export function RoundResultPanel({ result }: { result: RoundResult }) {
  const { t } = useTranslation();
  const money = useEconomicsFormat().money;
  const chosen = (method: RoundResult['method']) =>
    result.method === method ? (
      <Badge size="xs" ml={4} variant="light">
        {t('participation.chosen')}
      </Badge>
    ) : null;
  const mesNote = (id: string) => {
    if (result.mes.byRule.includes(id)) {
      const rho = result.mes.rhoMinor[id];
      return `${t('participation.byRule')}${rho === undefined ? '' : `, ${t('participation.rho', { amount: money(Math.round(rho)) })}`}`;
    }
    return result.mes.completion.includes(id) ? t('participation.completion') : '';
  };
  const rows = [...result.projects].sort((a, b) => b.votes - a.votes || a.costMinor - b.costMinor);
  return (
    <Paper withBorder radius="md" p="md" data-testid="round-result">
      <Stack gap="xs">
        <Title order={4}>{t('participation.result')}</Title>
        <Text size="sm" c="dimmed">
          {result.frozen ? t('participation.resultFrozen') : t('participation.resultLive')} {t('participation.voters')}: {result.voters}.{' '}
          {result.voters > 0
            ? t('participation.voterShare', { amount: money(Math.round(result.mes.voterShareMinor)) })
            : t('participation.noBallots')}
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('participation.fields.projectTitle')}</Table.Th>
                <Table.Th ta="right">{t('participation.votes')}</Table.Th>
                <Table.Th ta="right">{t('participation.cost')}</Table.Th>
                <Table.Th>
                  {t('participation.method.greedy')}
                  {chosen('greedy')}
                </Table.Th>
                <Table.Th>
                  {t('participation.method.mes')}
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
                  <Table.Td data-testid="greedy-cell">
                    {result.greedy.funded.includes(p.id) ? `✓ ${t('participation.funded')}` : '—'}
                  </Table.Td>
                  <Table.Td data-testid="mes-cell">
                    {result.mes.funded.includes(p.id) ? `✓ ${t('participation.funded')}` : '—'}
                    <Text size="xs" c="dimmed">
                      {mesNote(p.id)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={600}>{t('participation.spent')}</Table.Td>
                <Table.Td />
                <Table.Td />
                <Table.Td fw={600}>{money(result.greedy.spentMinor)}</Table.Td>
                <Table.Td fw={600}>{money(result.mes.spentMinor)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('participation.left')}</Table.Td>
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
