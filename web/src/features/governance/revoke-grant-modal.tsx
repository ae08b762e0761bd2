import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../shared/use-mutation-form';
import type { Grant } from './governance.api';
import { useGrantFormErrors } from './grant-errors';

interface RevokeGrantModalProps {
  grant: Grant | null;
  /** How many active grants were passed on from it, directly or further down: they go too. */
  cascade: number;
  onClose: () => void;
  onSubmit: (grant: Grant, reason: string) => Promise<unknown>;
}

/** Asks for the reason before revoking a grant, and says what else the revocation takes with it. */
export function RevokeGrantModal({ grant, cascade, onClose, onSubmit }: RevokeGrantModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useMutation(useGrantFormErrors(['reason']));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts afresh for each grant
  useEffect(() => {
    setReason('');
    form.clear();
  }, [grant?.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!grant) return;
    void form.run(async () => {
      await onSubmit(grant, reason.trim());
      onClose();
    });
  };

  return (
    <Modal opened={grant !== null} onClose={onClose} title={t('governance.grants.revokeTitle')} centered>
      {grant ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('governance.grants.revokeConfirm', { right: grant.rightName, holder: grant.holderName })}</Text>
            {cascade > 0 ? (
              <Alert color="orange" variant="light" p="sm">
                {t('governance.grants.revokeCascade', { count: cascade })}
              </Alert>
            ) : null}
            <Textarea
              label={t('governance.grants.reasonRequiredLabel')}
              description={t('governance.grants.revokeReasonHint')}
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
              <Button variant="default" onClick={onClose} disabled={form.isBusy}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={form.isBusy}>
                {t('governance.grants.revoke')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
