import { Alert, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';
import { clientChoice, isAgainstClients, type Poll } from './polls.api';

/** The decide form's part of the clients' polls: whether a client rationale is needed for `chosen`. */
export function needsClientRationale(polls: readonly Poll[] | undefined, chosen: string | null): boolean {
  return chosen !== null && isAgainstClients(polls ?? [], Number(chosen));
}

/** A notice while a poll still runs (the decision waits for it). */
export function PollsRunningNotice({ polls }: { polls: readonly Poll[] | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { runsUntil } = clientChoice(polls ?? []);
  if (runsUntil === null) return null;
  return (
    <Alert color="orange" data-testid="polls-running">
      {t('polls.decideWaits', { date: format.dateTime(runsUntil) })}
    </Alert>
  );
}

/** The required reason for going against the clients' choice, shown only when the chosen option does. */
export function ClientRationaleField({
  polls,
  value,
  onChange,
  error,
  disabled,
}: {
  polls: readonly Poll[] | undefined;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const list = polls ?? [];
  const { winners } = clientChoice(list);
  const options = list[0]?.options ?? [];
  const titles = winners.map((w) => `«${options[w]?.title ?? w + 1}»`).join(', ');
  return (
    <Textarea
      label={t('polls.clientRationale')}
      description={t('polls.clientRationaleHint', { options: titles })}
      autosize
      minRows={2}
      maxRows={6}
      maxLength={4000}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      disabled={disabled}
      required
      data-testid="client-rationale-input"
    />
  );
}
