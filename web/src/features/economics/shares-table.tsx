import { Alert, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamEconomics } from './economics.api';
import { useEconomicsFormat } from './use-economics-format';

/** Each member's part of the pool with what it rests on (hours, salary, points); the signed-in member's row stands out. */
export function SharesTable({ figures, meId }: { figures: TeamEconomics; meId: string | null }) {
  const { t } = useTranslation();
  const format = useEconomicsFormat();
  if (!figures.sharesVisible) {
    return (
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="xs">
          {t('economics.shares.title')}
        </Title>
        <Alert color="gray" variant="light" data-testid="shares-hidden">
          {t('economics.shares.hidden')}
        </Alert>
      </Paper>
    );
  }
  const members = [...figures.members].sort((a, b) => Date.parse(a.joinedAt) - Date.parse(b.joinedAt));
  const total = members.reduce((sum, member) => sum + member.amountMinor, 0);
  return (
    <Paper withBorder radius="md" p="md" data-testid="shares">
      <Title order={4} mb="xs">
        {t('economics.shares.title')}
      </Title>
      {figures.equalFallbacks.length > 0 ? (
        <Text size="sm" c="dimmed" mb="xs" data-testid="equal-fallbacks">
          {t('economics.shares.fallbacks', {
            bases: figures.equalFallbacks.map((basis) => t(`economics.splitBases.${basis}`)).join(', '),
          })}
        </Text>
      ) : null}
      {members.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('economics.shares.noMembers')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('economics.shares.member')}</Table.Th>
                <Table.Th ta="right">{t('economics.shares.hours')}</Table.Th>
                <Table.Th ta="right">{t('economics.shares.salary')}</Table.Th>
                <Table.Th ta="right">{t('economics.shares.points')}</Table.Th>
                <Table.Th ta="right">{t('economics.shares.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => {
                const isMine = member.memberId === meId;
                return (
                  <Table.Tr
                    key={member.memberId}
                    data-testid="share-row"
                    data-mine={isMine}
                    data-amount={member.amountMinor}
                    aria-current={isMine ? 'true' : undefined}
                    bg={isMine ? 'var(--mantine-color-blue-0)' : undefined}
                    style={isMine ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-blue-6)' } : undefined}
                  >
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={isMine ? 700 : 400}>
                          {member.name}
                        </Text>
                        {isMine ? (
                          <Badge size="xs" variant="filled" color="blue">
                            {t('economics.shares.you')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{format.hours(member.hours)}</Table.Td>
                    <Table.Td ta="right">{format.money(member.salaryMinor)}</Table.Td>
                    <Table.Td ta="right">{member.peerPointsReceived}</Table.Td>
                    <Table.Td ta="right" fw={isMine ? 700 : 600} style={{ whiteSpace: 'nowrap' }} data-testid="share-amount">
                      {format.money(member.amountMinor)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={4}>{t('economics.shares.total')}</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {format.money(total)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
