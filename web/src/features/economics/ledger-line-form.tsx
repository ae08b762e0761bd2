import { Button, Group, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinorUnits } from '../../../../src/core/money';
import { ApiError } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { MoneyInput } from '../../shared/ui/money-input';
import { useMutationForm } from '../../shared/use-mutation-form';
import { economicsApi, LEDGER_KINDS, type LedgerKind, type LedgerLine } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { useEconomicsFormat } from './use-economics-format';

const FIELDS = ['teamId', 'kind', 'amountMinor', 'note'];

interface LedgerLineFormProps {
  period: string;
  teams: readonly { teamId: string; teamName: string }[];
  /** The kinds offered: all for an admin; a team's members record revenue and expenses. */
  kinds?: readonly LedgerKind[];
  onAdded: (line: LedgerLine) => void;
}

/** Adds one ledger line: a team's revenue, expense or labour, or the organization's overhead (no team). */
export function LedgerLineForm({ period, teams, kinds = LEDGER_KINDS, onAdded }: LedgerLineFormProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [kind, setKind] = useState<LedgerKind>('revenue');
  const [teamId, setTeamId] = useState<string | null>(teams.length === 1 ? (teams[0]?.teamId ?? null) : null);
  const [amount, setAmount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const form = useMutationForm(FIELDS, { mapError: (error) => localizeEconomicsError(error, format.money) });
  const isOverhead = kind === 'overhead';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = toMinorUnits(amount, org.currency);
    const local: { path: string; message: string }[] = [];
    if (!isOverhead && !teamId) local.push({ path: 'teamId', message: t('economics.errors.teamRequired') });
    if (amountMinor === null || amountMinor <= 0) local.push({ path: 'amountMinor', message: t('economics.errors.positive') });
    if (local.length > 0) return form.handle(new ApiError(422, 'validation_failed', '', local));
    void form.run(async () => {
      const line = await economicsApi.addLine(org.slug, period, {
        kind,
        amountMinor: amountMinor as number,
        note: note.trim(),
        ...(isOverhead ? {} : { teamId: teamId as string }),
      });
      onAdded(line);
      notifySuccess(t('economics.ledger.added'));
      setAmount('');
      setNote('');
    });
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate data-testid="ledger-form">
      <Title order={5} mb="xs">
        {t('economics.ledger.addTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <Select
          label={t('economics.ledger.kind')}
          data={kinds.map((value) => ({ value, label: t(`economics.ledgerKinds.${value}`) }))}
          value={kind}
          onChange={(value) => {
            setKind((value as LedgerKind) ?? 'revenue');
            form.clear('kind');
            form.clear('teamId');
          }}
          allowDeselect={false}
          error={form.errorOf('kind')}
        />
        <Select
          label={t('economics.ledger.team')}
          data={teams.map((team) => ({ value: team.teamId, label: team.teamName }))}
          value={isOverhead ? null : teamId}
          onChange={(value) => {
            setTeamId(value);
            form.clear('teamId');
          }}
          placeholder={isOverhead ? t('economics.ledger.wholeOrganization') : undefined}
          disabled={isOverhead}
          searchable
          error={form.errorOf('teamId')}
        />
        <MoneyInput
          label={t('economics.ledger.amount', { currency: org.currency })}
          value={amount}
          onChange={(value) => {
            setAmount(value);
            form.clear('amountMinor');
          }}
          error={form.errorOf('amountMinor')}
        />
        <TextInput
          label={t('economics.ledger.note')}
          maxLength={500}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            form.clear('note');
          }}
          error={form.errorOf('note')}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={form.isBusy}>
          {t('economics.ledger.add')}
        </Button>
      </Group>
    </Paper>
  );
}
