import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../shared/api/use-form-errors';
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
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['outcome', 'note', 'nextReviewDate']);
  const isRetire = outcome === 'retire';

  useEffect(() => {
    if (!opened) return;
    setOutcome('keep');
    setNote('');
    setNextReviewDate(defaultNextDate);
    errors.clear();
  }, [opened, defaultNextDate, errors.clear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isRetire && !nextReviewDate) {
      errors.handle(fieldError('nextReviewDate', 'required'));
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ outcome, note, nextReviewDate: isRetire ? null : nextReviewDate });
      onClose();
    } catch (error) {
      errors.handle(localizeGovernanceError(error));
    } finally {
      setBusy(false);
    }
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
                errors.clear('nextReviewDate');
              }}
              data={REVIEW_OUTCOMES.map((value) => ({ value, label: t(`reviews.outcomes.${value}`) }))}
              fullWidth
            />
            <Text size="xs" c="dimmed">
              {t(`reviews.outcomeHints.${outcome}`)}
            </Text>
            {errors.errorOf('outcome') ? (
              <Text size="xs" c="red">
                {errors.errorOf('outcome')}
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
              errors.clear('note');
            }}
            error={errors.errorOf('note')}
            data-autofocus
          />
          {isRetire ? null : (
            <TextInput
              type="date"
              label={t('reviews.nextReviewDate')}
              value={nextReviewDate}
              onChange={(event) => {
                setNextReviewDate(event.currentTarget.value);
                errors.clear('nextReviewDate');
              }}
              error={errors.errorOf('nextReviewDate')}
              required
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy} color={isRetire ? 'red' : undefined}>
              {isRetire ? t('reviews.submitRetire') : t('reviews.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
