import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinorUnits } from '../../../../src/core/money';
import { ApiError } from '../../shared/api/client';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { fromMinorUnits, MoneyInput } from '../../shared/ui/money-input';
import { useMutationForm } from '../../shared/use-mutation-form';
import { discoveryApi } from '../discovery/discovery.api';
import { economicsApi } from '../economics/economics.api';
import { useEconomicsFormat } from '../economics/use-economics-format';
import { participationApi, ROUND_METHODS, type Round, type RoundMethod } from './participation.api';
import { fromLocalInput, toLocalInput } from './participation-time';
import { TitleDescriptionFields } from './title-description-fields';

const DAY = 86_400_000;

const FIELDS = ['title', 'description', 'budgetMinor', 'method', 'segmentIds', 'opensAt', 'closesAt'] as const;

/** Creates a round (no `round`) or edits a draft one. */
export function RoundFormModal({ round, onClose, onSaved }: { round?: Round; onClose: () => void; onSaved: (round: Round) => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const reserve = useResource(() => economicsApi.reserve(org.slug), org.slug);
  const segments = useResource(() => discoveryApi.segments(org.slug), org.slug);
  const now = Date.now();
  const [title, setTitle] = useState(round?.title ?? '');
  const [description, setDescription] = useState(round?.description ?? '');
  const [budget, setBudget] = useState<number | string>(round ? fromMinorUnits(round.budgetMinor, org.currency) : '');
  const [method, setMethod] = useState<RoundMethod>(round?.method ?? 'mes');
  const [segmentIds, setSegmentIds] = useState<string[]>(round?.segmentIds ?? []);
  const [opensAt, setOpensAt] = useState(toLocalInput(round?.opensAt ?? now));
  const [closesAt, setClosesAt] = useState(toLocalInput(round?.closesAt ?? now + 14 * DAY));
  const form = useMutationForm(FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const budgetMinor = toMinorUnits(budget, org.currency);
    const opens = fromLocalInput(opensAt);
    const closes = fromLocalInput(closesAt);
    const local: { path: string; message: string }[] = [];
    if (!title.trim()) local.push({ path: 'title', message: t('participation.errors.required') });
    if (budgetMinor === null || budgetMinor <= 0) local.push({ path: 'budgetMinor', message: t('participation.errors.positive') });
    if (opens === null) local.push({ path: 'opensAt', message: t('participation.errors.required') });
    if (closes === null) local.push({ path: 'closesAt', message: t('participation.errors.required') });
    else if (opens !== null && closes <= opens) local.push({ path: 'closesAt', message: t('participation.errors.closesAfterOpens') });
    if (local.length > 0) return form.handle(new ApiError(422, 'validation_failed', '', local));
    const input = {
      title: title.trim(),
      description: description.trim(),
      budgetMinor: budgetMinor as number,
      method,
      segmentIds,
      opensAt: new Date(opens as number).toISOString(),
      closesAt: new Date(closes as number).toISOString(),
    };
    void form.run(async () => {
      onSaved(round ? await participationApi.update(org.slug, round.id, input) : await participationApi.create(org.slug, input));
    });
  };

  const balance = reserve.data?.balanceMinor;
  return (
    <Modal opened onClose={onClose} title={round ? t('participation.editRound') : t('participation.newRound')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="round-form">
        <Stack gap="sm">
          <TitleDescriptionFields
            titleLabel={t('participation.fields.title')}
            title={title}
            onTitle={setTitle}
            description={description}
            onDescription={setDescription}
            errorOf={form.errorOf}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <MoneyInput
              label={t('participation.fields.budget', { currency: org.currency })}
              description={balance === undefined ? undefined : t('participation.fields.budgetHint', { amount: format.money(balance) })}
              required
              value={budget}
              onChange={setBudget}
              error={form.errorOf('budgetMinor')}
            />
            <Select
              label={t('participation.fields.method')}
              data={ROUND_METHODS.map((m) => ({ value: m, label: t(`participation.method.${m}`) }))}
              value={method}
              onChange={(value) => value && setMethod(value as RoundMethod)}
              allowDeselect={false}
              description={t(`participation.methodHint.${method}`)}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              error={form.errorOf('method')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('participation.fields.segments')}
            description={t('participation.fields.segmentsHint')}
            data={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={segmentIds}
            onChange={setSegmentIds}
            searchable
            clearable
            error={form.errorOf('segmentIds')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="datetime-local"
              label={t('participation.fields.opensAt')}
              required
              value={opensAt}
              onChange={(e) => setOpensAt(e.currentTarget.value)}
              error={form.errorOf('opensAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('participation.fields.closesAt')}
              required
              value={closesAt}
              onChange={(e) => setClosesAt(e.currentTarget.value)}
              error={form.errorOf('closesAt')}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={form.isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
