import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../shared/api/use-form-errors';
import type { Decision } from './decisions.api';
import { localizeGovernanceError } from './field-messages';

interface DecisionEditModalProps {
  opened: boolean;
  decision: Decision;
  onClose: () => void;
  onSubmit: (patch: { title: string; context: string; reviewDate: string | null }) => Promise<unknown>;
}

/** Title, context and review date can change; options, right and advisers are the record of the process and cannot. */
export function DecisionEditModal({ opened, decision, onClose, onSubmit }: DecisionEditModalProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [context, setContext] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['title', 'context', 'reviewDate']);

  useEffect(() => {
    if (!opened) return;
    setTitle(decision.title);
    setContext(decision.context);
    setReviewDate(decision.reviewDate ?? '');
    errors.clear();
  }, [opened, decision, errors.clear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit({ title, context, reviewDate: reviewDate || null });
      onClose();
    } catch (error) {
      errors.handle(localizeGovernanceError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('decisionPage.editTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('decisions.titleLabel')}
            value={title}
            onChange={(event) => {
              setTitle(event.currentTarget.value);
              errors.clear('title');
            }}
            error={errors.errorOf('title')}
            required
            data-autofocus
          />
          <Textarea
            label={t('decisions.context')}
            autosize
            minRows={3}
            maxRows={10}
            value={context}
            onChange={(event) => {
              setContext(event.currentTarget.value);
              errors.clear('context');
            }}
            error={errors.errorOf('context')}
          />
          <TextInput
            type="date"
            label={t('decisions.reviewDate')}
            value={reviewDate}
            onChange={(event) => {
              setReviewDate(event.currentTarget.value);
              errors.clear('reviewDate');
            }}
            error={errors.errorOf('reviewDate')}
            maw={260}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
