import { Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Poll, PollResult } from './polls.api';

/** A poll's result: one row per option (the clients' choice and the decided option marked), then the runoff rounds. */
export function PollResultView({ poll, result }: { poll: Poll; result: PollResult }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(value);
  const chosen = poll.decision.chosenOption;
  const titles = (indexes: number[]) => indexes.map((i) => `«${poll.options[i]?.title ?? i + 1}»`).join(', ');
  return (
    <Stack gap="xs">
      <ScrollArea type="auto">
        <Table striped withTableBorder fz="sm" data-testid="poll-totals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('polls.column.option')}</Table.Th>
              <Table.Th ta="right">{t(`polls.column.${poll.kind}`)}</Table.Th>
              {poll.kind === 'score' ? <Table.Th ta="right">{t('polls.column.mean')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {poll.options.map((option) => (
              <Table.Tr key={option.index} data-winner={result.winners.includes(option.index) || undefined}>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm">{option.title}</Text>
                    {result.winners.includes(option.index) ? (
                      <Badge size="xs" color="blue" variant="light">
                        {t('polls.clientsChoice')}
                      </Badge>
                    ) : null}
                    {chosen === option.index ? (
                      <Badge size="xs" color="teal" variant="light">
                        {t('polls.chosen')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{number(result.totals[option.index] ?? 0)}</Table.Td>
                {poll.kind === 'score' ? (
                  <Table.Td ta="right">
                    {result.means?.[option.index] == null ? '—' : number(result.means[option.index] as number)}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {result.isTie ? (
        <Text size="sm" c="orange">
          {t('polls.tie', { options: titles(result.winners) })}
        </Text>
      ) : result.winners.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('polls.noWinner')}
        </Text>
      ) : null}
      {result.rounds ? <RunoffRounds poll={poll} rounds={result.rounds} /> : null}
    </Stack>
  );
}

/** The instant-runoff rounds as a small table: options down, rounds across, exhausted ballots last. */
function RunoffRounds({ poll, rounds: list }: { poll: Poll; rounds: NonNullable<PollResult['rounds']> }) {
  const { t } = useTranslation();
  // Rounds are numbered from 1 and never reorder: the number is their key.
  const rounds = list.map((round, i) => ({ ...round, n: i + 1 }));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('polls.rounds')}
      </Text>
      <ScrollArea type="auto">
        <Table withTableBorder fz="sm" data-testid="poll-rounds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('polls.column.option')}</Table.Th>
              {rounds.map((round) => (
                <Table.Th key={round.n} ta="right">
                  {t('polls.round', { n: round.n })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {poll.options.map((option) => (
              <Table.Tr key={option.index}>
                <Table.Td>{option.title}</Table.Td>
                {rounds.map((round) => {
                  const count = round.counts[option.index];
                  return (
                    <Table.Td key={round.n} ta="right" c={count === null ? 'dimmed' : undefined}>
                      {count === null || count === undefined ? '' : count}
                      {round.eliminated.includes(option.index) ? ` · ${t('polls.out')}` : ''}
                      {round.elected === option.index ? ` · ${t('polls.majority')}` : ''}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td c="dimmed">{t('polls.exhausted')}</Table.Td>
              {rounds.map((round) => (
                <Table.Td key={round.n} ta="right" c="dimmed">
                  {round.exhausted}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {rounds.map((round) =>
        round.tieBreak ? (
          <Text key={round.n} size="xs" c="dimmed">
            {t(`polls.tieBreak.${round.tieBreak}`, { n: round.n })}
          </Text>
        ) : null,
      )}
    </Stack>
  );
}
