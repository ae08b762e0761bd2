import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinorUnits } from '../../../../src/core/money';
import { ApiError } from '../../shared/api/client';
import { messageOfError, notifyError } from '../../shared/api/error-messages';
import { useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { fromMinorUnits, MoneyInput } from '../../shared/ui/money-input';
import { useMutationForm } from '../../shared/use-mutation-form';
import { ClientSegmentsFields } from './clients-asked';
import { type Decision, type DecisionPatch, isOpen } from './decisions.api';
import { fieldError, localizeGovernanceError } from './field-messages';
import { MAX_OPTIONS, newOption, type OptionDraft, OptionsEditor } from './options-editor';

interface DecisionEditModalProps {
  opened: boolean;
  decision: Decision;
  onClose: () => void;
  /** Saves the changed fields only; resolves with nothing to do when none changed. */
  onSubmit: (patch: DecisionPatch) => Promise<unknown>;
  /** The decision was taken or withdrawn meanwhile: read it again. */
  onStale: () => Promise<void>;
}

const OPTION_FIELDS = Array.from({ length: MAX_OPTIONS }, (_, i) => [`options.${i}.title`, `options.${i}.description`]).flat();
const SEGMENT_FIELDS = ['touchesSegmentIds', 'adviceFromSegmentIds'].flatMap((f) => [
  f,
  ...Array.from({ length: 20 }, (_, i) => `${f}.${i}`),
]);
const FIELDS = ['title', 'context', 'options', 'amount', 'adviceDeadline', 'reviewDate', ...OPTION_FIELDS, ...SEGMENT_FIELDS];

function draftsOf(decision: Decision): OptionDraft[] {
  return decision.options.map((option) => ({ ...newOption(), title: option.title, description: option.description }));
}

function sameOptions(drafts: readonly OptionDraft[], decision: Decision): boolean {
  return (
    drafts.length === decision.options.length &&
    drafts.every(
      (draft, i) => draft.title.trim() === decision.options[i]?.title && draft.description.trim() === decision.options[i]?.description,
    )
  );
}

/**
 * An open decision: its wording, options (until someone has given advice on them), amount, advice
 * deadline and review date. A decision taken keeps its record: only the review date moves. Right and
 * advisers are the record of the process and do not change.
 */
export function DecisionEditModal({ opened, decision, onClose, onSubmit, onStale }: DecisionEditModalProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useGovernanceFormat();
  const [title, setTitle] = useState('');
  const [context, setContext] = useState('');
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [amount, setAmount] = useState<number | string>('');
  const [adviceDeadline, setAdviceDeadline] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [touches, setTouches] = useState<string[]>([]);
  const [adviceSegments, setAdviceSegments] = useState<string[]>([]);
  const [optionsError, setOptionsError] = useState<string | undefined>(undefined);
  const form = useMutationForm(FIELDS, { mapError: localizeGovernanceError });
  const isOpenDecision = isOpen(decision);
  const hasAdvisers = decision.advisers.length > 0 || adviceSegments.length > 0;
  const isAdviceIn = decision.advisers.some((adviser) => adviser.answeredAt !== null);
  const today = format.today();

  useEffect(() => {
    if (!opened) return;
    setTitle(decision.title);
    setContext(decision.context);
    setOptions(draftsOf(decision));
    setAmount(fromMinorUnits(decision.amount, org.currency));
    setAdviceDeadline(decision.adviceDeadline ?? '');
    setReviewDate(decision.reviewDate ?? '');
    setTouches(decision.touchesSegments.map((s) => s.id));
    setAdviceSegments(decision.adviceSegments.map((s) => s.id));
    setOptionsError(undefined);
    form.clear();
  }, [opened, decision, org.currency, form.clear]);

  /** Only what changed: an unchanged field is not sent (options would be refused once advice is in). */
  const patchOf = (): DecisionPatch => {
    const patch: DecisionPatch = {};
    if ((reviewDate || null) !== decision.reviewDate) patch.reviewDate = reviewDate || null;
    if (!isOpenDecision) return patch;
    if (title.trim() !== decision.title) patch.title = title;
    if (context.trim() !== decision.context) patch.context = context;
    if (!isAdviceIn && !sameOptions(options, decision)) {
      patch.options = options.map((option) => ({ title: option.title, description: option.description }));
    }
    const minor = toMinorUnits(amount, org.currency);
    if (minor !== decision.amount) patch.amount = minor;
    if (hasAdvisers && (adviceDeadline || null) !== decision.adviceDeadline) patch.adviceDeadline = adviceDeadline || null;
    const same = (ids: string[], refs: { id: string }[]) =>
      [...ids].sort().join() ===
      refs
        .map((r) => r.id)
        .sort()
        .join();
    if (!same(touches, decision.touchesSegments)) patch.touchesSegmentIds = touches;
    if (!same(adviceSegments, decision.adviceSegments)) patch.adviceFromSegmentIds = adviceSegments;
    return patch;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOptionsError(undefined);
    if (isOpenDecision && hasAdvisers && !adviceDeadline) {
      return form.handle(fieldError('adviceDeadline', t('decisions.errors.deadlineRequired')));
    }
    const patch = patchOf();
    if (Object.keys(patch).length === 0) return onClose();
    void form.run(
      async () => {
        await onSubmit(patch);
        onClose();
      },
      {
        onError: async (error) => {
          if (error instanceof ApiError && error.code === 'decision_already_taken') {
            notifyError(error);
            onClose();
            await onStale();
            return null;
          }
          if (error instanceof ApiError && error.code === 'too_few_options') {
            setOptionsError(messageOfError(error));
            form.clear();
            return null;
          }
          return error;
        },
      },
    );
  };

  const reviewDateInput = (
    <TextInput
      type="date"
      label={t('decisions.reviewDate')}
      description={t('decisions.reviewDateHint')}
      value={reviewDate}
      onChange={(event) => {
        setReviewDate(event.currentTarget.value);
        form.clear('reviewDate');
      }}
      min={today}
      error={form.errorOf('reviewDate')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data-autofocus={isOpenDecision ? undefined : true}
    />
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('decisionPage.editTitle')}
      size={isOpenDecision ? 'xl' : 'md'}
      data-testid="decision-edit-form"
    >
      <form onSubmit={submit} noValidate>
        {isOpenDecision ? (
          <Stack>
            <TextInput
              label={t('decisions.titleLabel')}
              value={title}
              onChange={(event) => {
                setTitle(event.currentTarget.value);
                form.clear('title');
              }}
              error={form.errorOf('title')}
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
                form.clear('context');
              }}
              error={form.errorOf('context')}
            />
            <OptionsEditor
              options={options}
              onChange={(next) => {
                setOptions(next);
                setOptionsError(undefined);
              }}
              errorOf={form.errorOf}
              onEdit={form.clear}
              error={optionsError}
              lockedNote={isAdviceIn ? t('decisionPage.optionsLocked') : undefined}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <MoneyInput
                description={t('decisions.amountHint')}
                value={amount}
                onChange={(value) => {
                  setAmount(value);
                  form.clear('amount');
                }}
                error={form.errorOf('amount')}
              />
              {hasAdvisers ? (
                <TextInput
                  type="date"
                  label={t('decisions.adviceDeadline')}
                  description={t('decisions.adviceDeadlineHint')}
                  value={adviceDeadline}
                  onChange={(event) => {
                    setAdviceDeadline(event.currentTarget.value);
                    form.clear('adviceDeadline');
                  }}
                  min={today}
                  error={form.errorOf('adviceDeadline')}
                  required
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
              ) : (
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('decisions.adviceDeadline')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('decisionPage.noDeadlineWithoutAdvice')}
                  </Text>
                </Stack>
              )}
              {reviewDateInput}
            </SimpleGrid>
            <ClientSegmentsFields
              touches={touches}
              asked={adviceSegments}
              onTouches={(ids) => {
                setTouches(ids);
                form.clear('touchesSegmentIds');
              }}
              onAsked={(ids) => {
                setAdviceSegments(ids);
                form.clear('adviceFromSegmentIds');
                form.clear('adviceDeadline');
              }}
              errorOf={form.errorOf}
            />
            <FormButtons isBusy={form.isBusy} onClose={onClose} />
          </Stack>
        ) : (
          <Stack>
            <Alert color="gray" variant="light" p="sm">
              {t('decisionPage.editDecidedHint')}
            </Alert>
            {reviewDateInput}
            <FormButtons isBusy={form.isBusy} onClose={onClose} />
          </Stack>
        )}
      </form>
    </Modal>
  );
}

function FormButtons({ isBusy, onClose }: { isBusy: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={isBusy}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
