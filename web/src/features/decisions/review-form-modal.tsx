import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationForm } from '../../shared/use-mutation-form';
import { REVIEW_OUTCOMES, type ReviewInput, type ReviewOutcome } from './decisions.api';
import { fieldError, localizeGovernanceError } from './field-messages';

interface ReviewFormModalProps {
  opened: boolean;
  /** What is reviewed, shown in the title. */
  subject: string;
  /** The next review date proposed when the form opens. */
  defaultNextDate: string;
  onClose: () => void;
  onSubmit: (input: ReviewInput) => Promise<unknown>;
}

/** A review of an agreement or a decision: keep, amend or retire it, with a note and the next review date. */
export function ReviewFormModal({ opened, subject, defaultNextDate, onClose, onSubmit }: ReviewFormModalProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ReviewOutcome>('keep');
  const [note, setNote] = useState('');
  const [nextReviewDate, setNextReviewDate] = useState('');
  const form = useMutationForm(['outcome', 'note', 'nextReviewDate'], { mapError: (error) => localizeGovernanceError(error) });
  const isRetire = outcome === 'retire';

  useEffect(() => {
    if (!opened) return;
    setOutcome('keep');
    setNote('');
    setNextReviewDate(defaultNextDate);
    form.clear();
  }, [opened, defaultNextDate, form.clear]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isRetire && !nextReviewDate) {
      form.handle(fieldError('nextReviewDate', 'required'));
      return;
    }
    void form.run(async () => {
      await onSubmit({ outcome, note, nextReviewDate: isRetire ? null : nextReviewDate });
      onClose();
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('reviews.formTitle', { subject })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500} id="review-outcome-label">
              {t('reviews.outcome')}
            </Text>
            <SegmentedControl
              aria-labelledby="review-outcome-label"
              value={outcome}
              onChange={(value) => {
                setOutcome(value as ReviewOutcome);
                form.clear('nextReviewDate');
              }}
              data={REVIEW_OUTCOMES.map((value) => ({ value, label: t(`reviews.outcomes.${value}`) }))}
              fullWidth
            />
            <Text size="xs" c="dimmed">
              {t(`reviews.outcomeHints.${outcome}`)}
            </Text>
            {form.errorOf('outcome') ? (
              <Text size="xs" c="red">
                {form.errorOf('outcome')}
              </Text>
            ) : null}
          </Stack>
          <Textarea
            label={t('reviews.note')}
            placeholder={t('reviews.notePlaceholder')}
            autosize
            minRows={3}
            maxRows={8}
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              form.clear('note');
            }}
            error={form.errorOf('note')}
            data-autofocus
          />
          {isRetire ? null : (
            <TextInput
              type="date"
              label={t('reviews.nextReviewDate')}
              value={nextReviewDate}
              onChange={(event) => {
                setNextReviewDate(event.currentTarget.value);
                form.clear('nextReviewDate');
              }}
              error={form.errorOf('nextReviewDate')}
              required
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy} color={isRetire ? 'red' : undefined}>
              {isRetire ? t('reviews.submitRetire') : t('reviews.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
