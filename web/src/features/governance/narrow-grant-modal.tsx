import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../shared/use-mutation-form';
import { useGovernanceFormat } from './format';
import type { Grant, Limits } from './governance.api';
import { useGrantFormErrors } from './grant-errors';
import { LimitsFields, type LimitsValues, limitsOf, valuesOf } from './limits-fields';

interface NarrowGrantModalProps {
  grant: Grant | null;
  onClose: () => void;
  onSubmit: (grant: Grant, limits: Limits, reason: string) => Promise<unknown>;
}

/** Lowers a grant's cap or changes its scope, with a reason; what was passed on from it follows. */
export function NarrowGrantModal({ grant, onClose, onSubmit }: NarrowGrantModalProps) {
  const { t } = useTranslation();
  const format = useGovernanceFormat();
  const [limits, setLimits] = useState<LimitsValues>(valuesOf(null, format.currency));
  const [reason, setReason] = useState('');
  const widest = grant?.limits.spendingCap ?? null;
  const form = useMutation(useGrantFormErrors(['limits.spendingCap', 'limits.scope', 'reason'], format.money));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts afresh for each grant
  useEffect(() => {
    if (!grant) return;
    setLimits(valuesOf(grant.limits, format.currency));
    setReason('');
    form.clear();
  }, [grant?.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!grant) return;
    void form.run(async () => {
      await onSubmit(grant, limitsOf(limits, format.currency), reason.trim());
      onClose();
    });
  };

  return (
    <Modal opened={grant !== null} onClose={onClose} title={t('governance.grants.narrowTitle')} size="lg">
      {grant ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              {t('governance.grants.narrowHint', { right: grant.rightName, holder: grant.holderName, cap: format.cap(grant.limits) })}
            </Text>
            <LimitsFields values={limits} onChange={setLimits} errors={form} widest={widest} />
            <Textarea
              label={t('governance.grants.reasonRequiredLabel')}
              autosize
              minRows={2}
              maxRows={5}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                form.clear('reason');
              }}
              error={form.errorOf('reason')}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.isBusy}>
                {t('governance.grants.narrow')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
