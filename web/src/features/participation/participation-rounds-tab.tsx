import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useEconomicsFormat } from '../economics/use-economics-format';
import { participationApi, type RoundSummary } from './participation.api';
import { RoundFormModal } from './round-form-modal';

const PHASE_COLORS: Record<RoundSummary['phase'], string> = {
  draft: 'gray',
  upcoming: 'blue',
  voting: 'green',
  closed: 'orange',
  allocated: 'teal',
};

export function PhaseBadge({ phase }: { phase: RoundSummary['phase'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={PHASE_COLORS[phase]} data-testid="round-phase">
      {t(`participation.phase.${phase}`)}
    </Badge>
  );
}

/** The participatory rounds of the reserve; the council and admins create them. */
export function ParticipationRoundsTab() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const money = useEconomicsFormat().money;
  const dates = useFormat();
  const rounds = useResource(() => participationApi.list(org.slug), org.slug);
  const [isCreating, setCreating] = useState(false);
  const canManage = can('voice:manage');

  let body: React.ReactNode;
  if (rounds.isLoading && !rounds.data) body = <LoadingState />;
  else if (rounds.error || !rounds.data) body = <ErrorState error={rounds.error} onRetry={rounds.reload} />;
  else if (rounds.data.items.length === 0) body = <EmptyState title={t('participation.noRounds')} hint={t('participation.noRoundsHint')} />;
  else
    body = (
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" fz="sm" data-testid="rounds-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('participation.columns.title')}</Table.Th>
              <Table.Th>{t('participation.columns.phase')}</Table.Th>
              <Table.Th ta="right">{t('participation.columns.budget')}</Table.Th>
              <Table.Th>{t('participation.columns.method')}</Table.Th>
              <Table.Th>{t('participation.columns.dates')}</Table.Th>
              <Table.Th ta="right">{t('participation.columns.ballots')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.data.items.map((round) => (
              <Table.Tr key={round.id} data-testid="round-row">
                <Table.Td>
                  <Anchor component={Link} to={`/o/${org.slug}/participation-rounds/${round.id}`} fw={600}>
                    {round.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <PhaseBadge phase={round.phase} />
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(round.budgetMinor)}
                </Table.Td>
                <Table.Td>{t(`participation.method.${round.method}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {dates.date(round.opensAt)} – {dates.date(round.closesAt)}
                </Table.Td>
                <Table.Td ta="right">{round.ballots}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="md" data-testid="reserve-rounds">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 320px' }}>
          {t('participation.description')}
        </Text>
        {canManage ? <Button onClick={() => setCreating(true)}>{t('participation.newRound')}</Button> : null}
      </Group>
      {body}
      {isCreating ? (
        <RoundFormModal
          onClose={() => setCreating(false)}
          onSaved={(round) => navigate(`/o/${org.slug}/participation-rounds/${round.id}`)}
        />
      ) : null}
    </Stack>
  );
}
