import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationForm } from '../use-mutation-form';

interface ConfirmDialogProps {
  opened: boolean;
  title: ReactNode;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

/** Asks before a destructive action; the confirm button shows progress and the dialog closes when done. */
export function ConfirmDialog({ opened, title, message, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { isBusy, run } = useMutationForm([]);
  const confirm = () =>
    run(
      async () => {
        await onConfirm();
        onClose();
      },
      // the caller has shown the error; keep the dialog open so the person sees what they tried
      { onError: () => null },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Text size="sm">{message}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} disabled={isBusy}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={confirm} loading={isBusy} data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
