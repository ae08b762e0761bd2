import { Alert, Button, Group, Radio, Stack, Textarea, TextInput, Tooltip } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifyError } from '../../shared/api/error-messages';
import { addMonths, useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { ClientRationaleField, needsClientRationale, PollsRunningNotice } from '../polls/client-rationale-field';
import type { Poll } from '../polls/polls.api';
import { ClientsNotAskedField } from './clients-asked';
import { DECIDE_BLOCKS, type Decision, decisionsApi } from './decisions.api';
import { fieldError, localizeGovernanceError } from './field-messages';
import { type Settlement, SettlesPicker } from './settles-picker';

interface DecideStepProps {
  decision: Decision;
  onChange: (decision: Decision) => void;
  /** Reads the decision again (after a refusal: what the viewer may do has changed). */
  onReload: () => Promise<void>;
  /** The decision's client polls: a running one holds it; going against a counted result needs a client rationale. */
  polls?: readonly Poll[];
}

/** Step 3: choose an option and say why. Disabled, with the reason, while the server says the viewer cannot decide. */
export function DecideStep({ decision, onChange, onReload, polls }: DecideStepProps) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const format = useGovernanceFormat();
  const [chosen, setChosen] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [clientRationale, setClientRationale] = useState('');
  const [clientsNotAskedReason, setClientsNotAskedReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [settles, setSettles] = useState<Settlement[]>([]);
  const form = useMutationForm(
    ['chosenOption', 'rationale', 'reviewDate', 'clientRationale', 'settles', 'clientsNotAskedReason', 'override.reason'],
    {
      mapError: localizeGovernanceError,
    },
  );
  const block = decision.viewer.decideBlock;
  const isBlocked = block !== null || !can('governance:participate');

  const today = format.today();
  useEffect(() => {
    setReviewDate(decision.reviewDate ?? addMonths(today, 6));
  }, [decision.reviewDate, today]);

  const preferences = new Map<number, number>();
  for (const adviser of decision.advisers) {
    if (adviser.preferredOption !== null) preferences.set(adviser.preferredOption, (preferences.get(adviser.preferredOption) ?? 0) + 1);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === null) return form.handle(fieldError('chosenOption', t('decisionPage.chooseOption')));
    const isAgainstClients = needsClientRationale(polls, chosen);
    if (isAgainstClients && !clientRationale.trim()) return form.handle(fieldError('clientRationale', t('polls.errors.required')));
    const needsOverride = decision.viewer.decideNeedsOverride;
    if (needsOverride && !overrideReason.trim()) return form.handle(fieldError('override.reason', t('overrides.required')));
    void form.run(
      async () => {
        const updated = await decisionsApi.decide(org.slug, decision.id, {
          chosenOption: Number(chosen),
          rationale,
          reviewDate: reviewDate || null,
          ...(isAgainstClients && { clientRationale }),
          ...(decision.segmentsNotAsked.length > 0 && { clientsNotAskedReason }),
          ...(needsOverride && { override: { reason: overrideReason.trim() } }),
          ...(settles.length > 0 && { settles: settles.map(({ proposalId, outcome }) => ({ proposalId, outcome })) }),
        });
        onChange(updated);
      },
      {
        success: t('decisionPage.decided'),
        // A block (advice pending, a cap) is not the form's fault: say so and show the decision as it is now.
        onError: async (error) => {
          if (!(error instanceof ApiError && DECIDE_BLOCKS.includes(error.code))) return error;
          notifyError(error);
          await onReload();
          return null;
        },
      },
    );
  };

  const reason = block
    ? t(`decisionPage.blocks.${block}`, {
        date: format.day(decision.adviceDeadline),
        right: decision.right.name,
        amount: decision.amount === null ? '' : format.money(decision.amount),
        defaultValue: t(`errors.codes.${block}`, { defaultValue: block }),
      })
    : !can('governance:participate')
      ? t('decisionPage.viewerCannotDecide')
      : null;

  return (
    <form onSubmit={submit} noValidate data-testid="decide-form">
      <Stack gap="sm">
        {reason ? (
          <Alert color={block === 'advice_pending' ? 'orange' : 'gray'} data-testid="decide-block" data-code={block ?? 'role'}>
            {reason}
          </Alert>
        ) : null}
        <Radio.Group
          label={t('decisionPage.chooseOption')}
          value={chosen}
          onChange={(value) => {
            setChosen(value);
            form.clear('chosenOption');
          }}
          error={form.errorOf('chosenOption')}
        >
          <Stack gap="xs" mt={6}>
            {decision.options.map((option) => (
              <Radio
                key={option.index}
                value={String(option.index)}
                disabled={isBlocked}
                label={`${option.index + 1}. ${option.title}`}
                description={[
                  option.description,
                  preferences.get(option.index) ? t('decisionPage.preferredBy', { count: preferences.get(option.index) }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </Stack>
        </Radio.Group>
        <PollsRunningNotice polls={polls} />
        {needsClientRationale(polls, chosen) ? (
          <ClientRationaleField
            polls={polls}
            value={clientRationale}
            onChange={(value) => {
              setClientRationale(value);
              form.clear('clientRationale');
            }}
            error={form.errorOf('clientRationale')}
            disabled={isBlocked}
          />
        ) : null}
        <ClientsNotAskedField
          decision={decision}
          value={clientsNotAskedReason}
          onChange={(value) => {
            setClientsNotAskedReason(value);
            form.clear('clientsNotAskedReason');
          }}
          error={form.errorOf('clientsNotAskedReason')}
          disabled={isBlocked}
        />
        {decision.viewer.decideNeedsOverride ? (
          <>
            <Alert color="yellow" data-testid="decide-override-notice">
              {t('overrides.decideNotice', { right: decision.right.name, team: decision.teamName })}
            </Alert>
            <Textarea
              label={t('overrides.reasonLabel')}
              description={t('overrides.reasonDescription')}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={2000}
              value={overrideReason}
              onChange={(event) => {
                setOverrideReason(event.currentTarget.value);
                form.clear('override.reason');
              }}
              error={form.errorOf('override.reason')}
              disabled={isBlocked}
              required
              data-testid="decide-override-reason"
            />
          </>
        ) : null}
        <Textarea
          label={t('decisionPage.rationale')}
          description={t('decisionPage.rationaleHint')}
          autosize
          minRows={3}
          maxRows={8}
          value={rationale}
          onChange={(event) => {
            setRationale(event.currentTarget.value);
            form.clear('rationale');
          }}
          error={form.errorOf('rationale')}
          disabled={isBlocked}
          required
        />
        <SettlesPicker
          value={settles}
          onChange={(value) => {
            setSettles(value);
            form.clear('settles');
          }}
          disabled={isBlocked}
          error={form.errorOf('settles')}
        />
        <TextInput
          type="date"
          label={t('decisions.reviewDate')}
          description={t('decisions.reviewDateHint')}
          value={reviewDate}
          onChange={(event) => {
            setReviewDate(event.currentTarget.value);
            form.clear('reviewDate');
          }}
          error={form.errorOf('reviewDate')}
          disabled={isBlocked}
          maw={260}
        />
        <Group justify="flex-end">
          <Tooltip label={reason} disabled={!reason} multiline w={300}>
            <span>
              <Button type="submit" loading={form.isBusy} disabled={isBlocked}>
                {t('decisionPage.decide')}
              </Button>
            </span>
          </Tooltip>
        </Group>
      </Stack>
    </form>
  );
}
