import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { PlusIcon } from '../../shared/ui/icons';
import { ReasonModal } from '../../shared/ui/reason-modal';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { teamsApi } from '../teams/teams.api';
import { economicsApi, type Trade, type TradeInput, type TradeStatus } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { answeringTeamId, canAnswerTrade, tradeDirection } from './economics-model';
import { TradeFormModal } from './trade-form-modal';
import { useEconomicsFormat } from './use-economics-format';

const STATUS_COLORS: Record<TradeStatus, string> = { proposed: 'yellow', confirmed: 'teal', declined: 'red' };

interface TradesPanelProps {
  teamId: string;
  period: string;
  isClosed: boolean;
  /** Whether the signed-in person belongs to this team. */
  isMember: boolean;
  meId: string;
  /** Members of the team (and admins) with the right to take part record and answer trades. */
  canRecord: boolean;
  /** Figures change once a trade is confirmed. */
  onChange: () => void;
}

/** The team's internal trades in the month: who sold to whom, for how much, and whether the other side confirmed. */
export function TradesPanel({ teamId, period, isClosed, isMember, meId, canRecord, onChange }: TradesPanelProps) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const format = useEconomicsFormat();
  const dates = useFormat();
  const [isFormOpen, form] = useDisclosure(false);
  const [declining, setDeclining] = useState<Trade | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const trades = useResource(() => economicsApi.trades(org.slug, period, teamId), `${org.slug}|${teamId}|${period}`);
  const isAdmin = org.role === 'admin';
  // The person answers for a team they belong to: this one, or a counterpart waiting to confirm.
  const counterparts = [...new Set((trades.data?.items ?? []).filter((trade) => trade.status === 'proposed').map(answeringTeamId))].filter(
    (other) => other !== teamId,
  );
  const memberships = useResource(
    async () => {
      const details = await Promise.all(counterparts.map((other) => teamsApi.get(org.slug, other)));
      return details.filter((detail) => detail.members.some((member) => member.userId === meId)).map((detail) => detail.id);
    },
    `${org.slug}|${meId}|${counterparts.join(',')}`,
  );
  const myTeamIds = new Set([...(isMember ? [teamId] : []), ...(memberships.data ?? [])]);

  const replace = (trade: Trade) =>
    trades.setData((current) => (current ? { items: current.items.map((item) => (item.id === trade.id ? trade : item)) } : current));
  const record = async (input: TradeInput) => {
    const trade = await economicsApi.recordTrade(org.slug, period, input);
    trades.setData((current) => (current ? { items: [...current.items, trade] } : current));
    notifySuccess(t('economics.trades.recorded'));
  };
  const confirm = async (trade: Trade) => {
    setBusyId(trade.id);
    try {
      replace(await economicsApi.confirmTrade(org.slug, period, trade.id));
      notifySuccess(t('economics.trades.confirmed'));
      onChange();
    } catch (error) {
      notifyError(localizeEconomicsError(error, format.money));
      void trades.reload();
    } finally {
      setBusyId(null);
    }
  };

  const rows = trades.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="trades">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={4}>{t('economics.trades.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('economics.trades.description')}
          </Text>
        </div>
        {canRecord && !isClosed ? (
          <Button leftSection={<PlusIcon size={16} />} onClick={form.open} data-testid="record-trade">
            {t('economics.trades.record')}
          </Button>
        ) : null}
      </Group>
      {trades.isLoading && !trades.data ? (
        <LoadingState />
      ) : trades.error ? (
        <ErrorState error={trades.error} onRetry={trades.reload} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('economics.trades.empty')} hint={t('economics.trades.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('economics.trades.counterpart')}</Table.Th>
                <Table.Th ta="right">{t('economics.trades.amountColumn')}</Table.Th>
                <Table.Th>{t('economics.trades.noteColumn')}</Table.Th>
                <Table.Th>{t('economics.trades.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((trade) => {
                const direction = tradeDirection(trade, teamId);
                const mayAnswer = can('economics:participate') && !isClosed && canAnswerTrade(trade, myTeamIds, isAdmin);
                return (
                  <Table.Tr key={trade.id} data-testid="trade-row" data-status={trade.status}>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text size="sm">
                          {direction === 'sells'
                            ? t('economics.trades.sellsTo', { team: trade.buyer.name })
                            : t('economics.trades.buysFrom', { team: trade.seller.name })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('economics.trades.enteredBy', {
                            team: trade.enteredByTeamId === trade.seller.id ? trade.seller.name : trade.buyer.name,
                            date: dates.date(trade.createdAt),
                          })}
                          {trade.recordedBy ? ` · ${trade.recordedBy.label}` : ''}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      // Only a confirmed trade counts: the others are shown faded, a declined one struck through.
                      c={trade.status !== 'confirmed' ? 'dimmed' : direction === 'sells' ? 'teal.8' : 'red.8'}
                      style={{ whiteSpace: 'nowrap', textDecoration: trade.status === 'declined' ? 'line-through' : undefined }}
                    >
                      {direction === 'sells' ? '+' : '−'}
                      {format.money(trade.amountMinor)}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {trade.note ? <Text size="sm">{trade.note}</Text> : null}
                        {trade.promiseId ? (
                          <Anchor component={Link} to={`/o/${org.slug}/promises/${trade.promiseId}`} size="xs">
                            {t('economics.trades.paysForPromise')}
                          </Anchor>
                        ) : null}
                        {trade.status === 'declined' && trade.declineReason ? (
                          <Text size="xs" c="red.8">
                            {t('economics.trades.declinedBecause', { reason: trade.declineReason })}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[trade.status]} variant="light">
                        {t(`economics.tradeStatus.${trade.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {mayAnswer ? (
                        <Group gap="xs" wrap="nowrap" justify="flex-end">
                          <Button size="xs" color="teal" loading={busyId === trade.id} onClick={() => void confirm(trade)}>
                            {t('economics.trades.confirm')}
                          </Button>
                          <Button size="xs" variant="default" disabled={busyId === trade.id} onClick={() => setDeclining(trade)}>
                            {t('economics.trades.decline')}
                          </Button>
                        </Group>
                      ) : trade.status === 'proposed' ? (
                        <Text size="xs" c="dimmed" ta="right">
                          {t('economics.trades.waiting')}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TradeFormModal opened={isFormOpen} teamId={teamId} onClose={form.close} onSubmit={record} />
      <ReasonModal
        opened={declining !== null}
        title={t('economics.trades.declineTitle')}
        text={t('economics.trades.declineText')}
        label={t('economics.trades.declineReason')}
        submitLabel={t('economics.trades.decline')}
        requiredMessage={t('economics.errors.reasonRequired')}
        testId="decline-trade"
        onClose={() => setDeclining(null)}
        onSubmit={async (reason) => {
          if (!declining) return;
          replace(await economicsApi.declineTrade(org.slug, period, declining.id, reason));
          notifySuccess(t('economics.trades.declined'));
        }}
        onError={(error) => localizeEconomicsError(error, format.money)}
      />
    </Paper>
  );
}
