import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinorUnits } from '../../../../src/core/money';
import { ApiError } from '../../shared/api/client';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { MoneyInput } from '../../shared/ui/money-input';
import { useMutationForm } from '../../shared/use-mutation-form';
import { promisesApi } from '../promises/promises.api';
import { teamsApi } from '../teams/teams.api';
import type { TradeInput } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { useEconomicsFormat } from './use-economics-format';

interface TradeFormModalProps {
  opened: boolean;
  /** The team whose page this is: the seller to start with. */
  teamId: string;
  onClose: () => void;
  onSubmit: (input: TradeInput) => Promise<unknown>;
}

const FIELDS = ['sellerTeamId', 'buyerTeamId', 'amountMinor', 'note', 'promiseId'];

/** Records an internal trade: who sells to whom, for how much, optionally paying for an internal promise of the seller. */
export function TradeFormModal({ opened, teamId, onClose, onSubmit }: TradeFormModalProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [sellerId, setSellerId] = useState<string | null>(teamId);
  const [buyerId, setBuyerId] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [promiseId, setPromiseId] = useState<string | null>(null);
  const form = useMutationForm(FIELDS, { mapError: (error) => localizeEconomicsError(error, format.money) });
  const teams = useResource(async () => (opened ? (await teamsApi.list(org.slug)).items : []), `${org.slug}|${opened}`);
  const promises = useResource(
    async () => (opened ? (await promisesApi.list(org.slug, { kind: 'internal', status: 'published' })).items : []),
    `${org.slug}|${opened}`,
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts again each time it opens
  useEffect(() => {
    if (!opened) return;
    form.clear();
    setSellerId(teamId);
    setBuyerId(null);
    setAmount('');
    setNote('');
    setPromiseId(null);
  }, [opened]);

  const teamData = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  const promiseData = (promises.data ?? [])
    .filter((promise) => promise.promiserTeam?.id === sellerId)
    .map((promise) => ({ value: promise.id, label: promise.title }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = toMinorUnits(amount, org.currency);
    const local: { path: string; message: string }[] = [];
    if (!sellerId) local.push({ path: 'sellerTeamId', message: t('validation.required') });
    if (!buyerId) local.push({ path: 'buyerTeamId', message: t('validation.required') });
    if (sellerId && buyerId && sellerId === buyerId) local.push({ path: 'buyerTeamId', message: t('economics.errors.tradeWithItself') });
    if (amountMinor === null || amountMinor <= 0) local.push({ path: 'amountMinor', message: t('economics.errors.positive') });
    if (local.length > 0) return form.handle(new ApiError(422, 'validation_failed', '', local));
    void form.run(async () => {
      await onSubmit({
        sellerTeamId: sellerId as string,
        buyerTeamId: buyerId as string,
        amountMinor: amountMinor as number,
        note: note.trim(),
        ...(promiseId ? { promiseId } : {}),
      });
      onClose();
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('economics.trades.recordTitle')} data-testid="trade-form">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('economics.trades.seller')}
            data={teamData}
            value={sellerId}
            onChange={(value) => {
              setSellerId(value);
              setPromiseId(null);
              form.clear('sellerTeamId');
            }}
            error={form.errorOf('sellerTeamId')}
            searchable
            required
          />
          <Select
            label={t('economics.trades.buyer')}
            data={teamData}
            value={buyerId}
            onChange={(value) => {
              setBuyerId(value);
              form.clear('buyerTeamId');
            }}
            error={form.errorOf('buyerTeamId')}
            searchable
            required
          />
          <MoneyInput
            label={t('economics.trades.amount', { currency: org.currency })}
            value={amount}
            onChange={(value) => {
              setAmount(value);
              form.clear('amountMinor');
            }}
            error={form.errorOf('amountMinor')}
            required
          />
          <Select
            label={t('economics.trades.promise')}
            description={t('economics.trades.promiseHint')}
            data={promiseData}
            value={promiseId}
            onChange={(value) => {
              setPromiseId(value);
              form.clear('promiseId');
            }}
            error={form.errorOf('promiseId')}
            clearable
            searchable
            nothingFoundMessage={t('economics.trades.noPromises')}
          />
          <Textarea
            label={t('economics.trades.note')}
            autosize
            minRows={2}
            maxLength={500}
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              form.clear('note');
            }}
            error={form.errorOf('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={form.isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {t('economics.trades.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
