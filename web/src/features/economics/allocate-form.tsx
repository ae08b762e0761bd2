import { Button, Group, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinorUnits } from '../../../../src/core/money';
import { ApiError } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { MoneyInput } from '../../shared/ui/money-input';
import { useMutationForm } from '../../shared/use-mutation-form';
import { economicsApi, type Reserve } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { useEconomicsFormat } from './use-economics-format';

/** Allocates part of the reserve to a new project or experiment (admins), never more than the balance. */
export function AllocateForm({ balanceMinor, onAllocated }: { balanceMinor: number; onAllocated: (reserve: Reserve) => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [amount, setAmount] = useState<number | string>('');
  const [purpose, setPurpose] = useState('');
  const form = useMutationForm(['amountMinor', 'purpose'], { mapError: (error) => localizeEconomicsError(error, format.money) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = toMinorUnits(amount, org.currency);
    const local: { path: string; message: string }[] = [];
    if (amountMinor === null || amountMinor <= 0) local.push({ path: 'amountMinor', message: t('economics.errors.positive') });
    else if (amountMinor > balanceMinor)
      local.push({ path: 'amountMinor', message: t('economics.errors.moreThanReserve', { amount: format.money(balanceMinor) }) });
    if (!purpose.trim()) local.push({ path: 'purpose', message: t('economics.errors.purposeRequired') });
    if (local.length > 0) return form.handle(new ApiError(422, 'validation_failed', '', local));
    void form.run(async () => {
      onAllocated(await economicsApi.allocate(org.slug, { amountMinor: amountMinor as number, purpose: purpose.trim() }));
      notifySuccess(t('economics.reserve.allocated'));
      setAmount('');
      setPurpose('');
    });
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate data-testid="allocate-form">
      <Title order={5} mb="xs">
        {t('economics.reserve.allocateTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <MoneyInput
          label={t('economics.reserve.amount', { currency: org.currency })}
          description={t('economics.reserve.available', { amount: format.money(balanceMinor) })}
          value={amount}
          onChange={(value) => {
            setAmount(value);
            form.clear('amountMinor');
          }}
          error={form.errorOf('amountMinor')}
        />
        <TextInput
          label={t('economics.reserve.purpose')}
          description={t('economics.reserve.purposeHint')}
          maxLength={500}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={purpose}
          onChange={(event) => {
            setPurpose(event.currentTarget.value);
            form.clear('purpose');
          }}
          error={form.errorOf('purpose')}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={form.isBusy} disabled={balanceMinor <= 0}>
          {t('economics.reserve.allocate')}
        </Button>
      </Group>
    </Paper>
  );
}
