import { Paper, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { economicsApi, type PeriodEconomics } from './economics.api';
import { MemberInputsRow } from './member-inputs-row';

/** Hours worked and salary of each member of a team in the month (admins): the bases of the hours and salary splits. */
export function PeopleInputsPanel({ figures, onChange }: { figures: PeriodEconomics; onChange: () => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [teamId, setTeamId] = useState<string | null>(figures.teams[0]?.teamId ?? null);
  const team = useResource(
    async () => (teamId ? economicsApi.team(org.slug, figures.period, teamId) : null),
    `${org.slug}|${figures.period}|${teamId}`,
  );
  const saved = () => {
    void team.reload();
    onChange();
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="people-inputs">
      <Title order={4}>{t('economics.people.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {figures.closed ? t('economics.people.closed') : t('economics.people.description')}
      </Text>
      <Select
        label={t('economics.people.team')}
        data={figures.teams.map((item) => ({ value: item.teamId, label: item.teamName }))}
        value={teamId}
        onChange={setTeamId}
        allowDeselect={false}
        searchable
        maw={320}
        mb="md"
      />
      {team.isLoading && !team.data ? (
        <LoadingState />
      ) : team.error ? (
        <ErrorState error={team.error} onRetry={team.reload} />
      ) : !team.data || team.data.members.length === 0 ? (
        <EmptyState title={t('economics.people.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('economics.shares.member')}</Table.Th>
                <Table.Th>{t('economics.people.hours')}</Table.Th>
                <Table.Th>{t('economics.people.salary', { currency: org.currency })}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.data.members.map((member) => (
                <MemberInputsRow
                  key={`${team.data?.teamId}-${member.memberId}`}
                  period={figures.period}
                  teamId={team.data?.teamId ?? ''}
                  member={member}
                  disabled={figures.closed}
                  onSaved={saved}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
