import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_LEDGER_KINDS } from '../../../../src/core/economics/team-books';
import { notifySuccess } from '../../shared/api/error-messages';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { economicsApi, type TeamEconomicsView } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { LedgerLineForm } from './ledger-line-form';
import { useEconomicsFormat } from './use-economics-format';

interface TeamBooksPanelProps {
  figures: TeamEconomicsView;
  meId: string;
  /** The person is a member of the team (records their own hours, its revenue and expenses). */
  isMember: boolean;
  /** Members of the team and admins set its time reserve. */
  canParticipate: boolean;
  onChange: () => void;
}

/** The member's own hours for the month. */
function MyHoursForm({ figures, meId, onChange }: Pick<TeamBooksPanelProps, 'figures' | 'meId' | 'onChange'>) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const mine = figures.members.find((member) => member.memberId === meId);
  const [hours, setHours] = useState<number | string>(mine?.hours ?? 0);
  const form = useMutationForm(['hours', 'period'], { mapError: (error) => localizeEconomicsError(error, format.money) });
  useEffect(() => setHours(mine?.hours ?? 0), [mine?.hours]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.run(async () => {
      await economicsApi.putMember(org.slug, figures.period, figures.teamId, meId, { hours: Number(hours) || 0 });
      notifySuccess(t('economics.books.hoursSaved'));
      onChange();
    });
  };
  return (
    <Group component="form" onSubmit={submit} align="flex-end" data-testid="my-hours">
      <NumberInput
        label={t('economics.books.myHours')}
        min={0}
        max={744}
        decimalScale={2}
        decimalSeparator={format.locale === 'ru' ? ',' : '.'}
        hideControls
        value={hours}
        onChange={(value) => {
          setHours(value);
          form.clear('hours');
        }}
        error={form.errorOf('hours') ?? form.errorOf('period')}
        w={160}
      />
      <Button type="submit" loading={form.isBusy}>
        {t('economics.books.saveHours')}
      </Button>
    </Group>
  );
}

/** The team's time reserve: the share of its hours kept for new projects, and what it makes this month. */
function TimeReserveForm({ figures, canParticipate, onChange }: Pick<TeamBooksPanelProps, 'figures' | 'canParticipate' | 'onChange'>) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [share, setShare] = useState<number | string>(figures.timeReserve.sharePct);
  const form = useMutationForm(['sharePct'], { mapError: (error) => localizeEconomicsError(error, format.money) });
  useEffect(() => setShare(figures.timeReserve.sharePct), [figures.timeReserve.sharePct]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.run(async () => {
      await economicsApi.putTimeReserve(org.slug, figures.teamId, Number(share) || 0);
      notifySuccess(t('economics.books.timeReserveSaved'));
      onChange();
    });
  };
  return (
    <Stack gap={4} data-testid="time-reserve" data-hours={figures.timeReserve.hours}>
      <Text fw={600} size="sm">
        {t('economics.books.timeReserve')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('economics.books.timeReserveHint')}
      </Text>
      <Text size="sm">
        {t('economics.books.timeReserveHours', { hours: format.decimal(figures.timeReserve.hours), total: format.decimal(figures.hours) })}
      </Text>
      {canParticipate ? (
        <Group component="form" onSubmit={submit} align="flex-end">
          <NumberInput
            label={t('economics.books.sharePct')}
            min={0}
            max={100}
            decimalScale={2}
            decimalSeparator={format.locale === 'ru' ? ',' : '.'}
            hideControls
            value={share}
            onChange={(value) => {
              setShare(value);
              form.clear('sharePct');
            }}
            error={form.errorOf('sharePct')}
            w={120}
          />
          <Button type="submit" variant="default" loading={form.isBusy}>
            {t('common.save')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/**
 * A team keeps its own books: each member records their own hours and the team's revenue and
 * expenses (while the month is open and not locked), the page shows who recorded each member's
 * hours, and the team's time reserve sits beside its figures.
 */
export function TeamBooksPanel({ figures, meId, isMember, canParticipate, onChange }: TeamBooksPanelProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const dates = useFormat();
  const format = useEconomicsFormat();
  const isAdmin = org.role === 'admin';
  const mayRecord = !figures.closed && (!figures.inputsLocked || isAdmin);
  return (
    <Paper withBorder radius="md" p="md" data-testid="team-books" data-locked={figures.inputsLocked}>
      <Title order={4}>{t('economics.books.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('economics.books.description')}
      </Text>
      {figures.closed ? (
        <Text size="sm" mb="sm">
          {t('economics.books.closed')}
        </Text>
      ) : figures.inputsLocked ? (
        <Alert color="yellow" mb="sm" data-testid="inputs-locked">
          {t('economics.books.locked')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="sm">
          {isMember && mayRecord ? <MyHoursForm figures={figures} meId={meId} onChange={onChange} /> : null}
          {figures.sharesVisible ? (
            <div>
              <Text fw={600} size="sm" mb={4}>
                {t('economics.books.whoRecorded')}
              </Text>
              <Table verticalSpacing={4} fz="sm">
                <Table.Tbody>
                  {figures.members.map((member) => (
                    <Table.Tr key={member.memberId} data-testid="recorded-hours" data-member={member.name}>
                      <Table.Td>{member.name}</Table.Td>
                      <Table.Td ta="right">{format.decimal(member.hours)}</Table.Td>
                      <Table.Td c="dimmed">
                        {member.recordedBy
                          ? `${member.recordedBy.label}${member.recordedAt ? ` · ${t('economics.books.at', { date: dates.date(member.recordedAt) })}` : ''}`
                          : t('economics.books.nobody')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ) : null}
        </Stack>
        <TimeReserveForm figures={figures} canParticipate={canParticipate && !figures.closed} onChange={onChange} />
      </SimpleGrid>
      {isMember && mayRecord ? (
        <Stack mt="md">
          <Text fw={600} size="sm">
            {t('economics.books.addLine')}
          </Text>
          <LedgerLineForm
            period={figures.period}
            teams={[{ teamId: figures.teamId, teamName: figures.teamName }]}
            kinds={isAdmin ? undefined : TEAM_LEDGER_KINDS}
            onAdded={onChange}
          />
        </Stack>
      ) : null}
    </Paper>
  );
}
