import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOfError, notifyError } from '../../shared/api/error-messages';
import { i18n } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm, validationError } from '../../shared/use-mutation-form';
import { fieldError } from '../decisions/field-messages';
import { ActingForField } from './acting-for-field';
import { NoTeamsNotice } from './no-teams-notice';
import { PromiseBackingFields } from './promise-backing-fields';
import { termsOf } from './promise-draft';
import { isNotPromiser, localizePromiseError } from './promise-errors';
import { usePromiseFormData } from './promise-form-data';
import { missingPartsOf, type PromiseStart, promiseInputOf, promisePatchOf, usePromiseFormValues } from './promise-form-values';
import { PromisePainsField, PromisePartiesFields } from './promise-parties-fields';
import type { PromiseInput, PromiseItem, PromisePatch } from './promises.api';
import { TERMS_FIELDS, TermsFields } from './terms-fields';

export type { PromiseStart } from './promise-form-values';

interface PromiseFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** A draft to edit; none: a new promise. */
  promise?: PromiseItem | null;
  start?: PromiseStart | null;
  onCreate?: (input: PromiseInput) => Promise<unknown>;
  onUpdate?: (patch: PromisePatch) => Promise<unknown>;
}

const FIELDS = [
  'title',
  'kind',
  'promiserTeamId',
  'promiseeSegmentId',
  'promiseeTeamId',
  'supportsPromiseId',
  'painIds',
  'requiredCapabilityIds',
  'requiredRightIds',
  'demandForecastPerWeek',
  ...TERMS_FIELDS,
];

/** A new promise (a draft: an intention until published), or a draft's terms changed in place. */
export function PromiseFormModal({ opened, onClose, promise, start, onCreate, onUpdate }: PromiseFormModalProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const isEdit = Boolean(promise);
  const data = usePromiseFormData(opened);
  const { values, update, updateTerms } = usePromiseFormValues(opened, promise, start, org.currency);
  const { kind, teamId } = values;
  const form = useMutationForm(FIELDS, { mapError: localizePromiseError });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts again each time it opens
  useEffect(() => {
    if (opened) form.clear();
  }, [opened]);

  const promiserTeams = data.data?.promiserTeams ?? [];
  // The only team the person may promise for is chosen for them.
  useEffect(() => {
    if (opened && !isEdit && teamId === null && promiserTeams.length === 1) update({ teamId: promiserTeams[0]?.id ?? null });
  }, [opened, isEdit, teamId, promiserTeams, update]);

  const teamName = data.data?.teams.find((team) => team.id === teamId)?.name ?? promise?.promiserTeam?.name ?? '';
  const noTeams = data.data !== null && data.data !== undefined && !isEdit && promiserTeams.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = termsOf(values.terms, org.currency);
    const allowsIntention = org.role === 'admin' || org.role === 'council';
    const local = [...missingPartsOf(values, isEdit, allowsIntention), ...Object.entries(checked.errors ?? {})];
    if (local.length > 0 || !checked.terms)
      return form.handle(validationError(local.map(([path, key]) => ({ path, message: i18n.t(key) }))));
    const terms = checked.terms;
    void form.run(
      async () => {
        if (promise) await onUpdate?.(promisePatchOf(values, terms));
        else await onCreate?.(promiseInputOf(values, terms));
        onClose();
      },
      {
        // Only a member of the promiser team promises for it: on a new promise that is the team field's fault.
        onError: (error) => {
          if (!isNotPromiser(error)) return error;
          if (isEdit) notifyError(error);
          else form.handle(fieldError('promiserTeamId', t('promises.errors.notYourTeam')));
          return null;
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={isEdit ? t('promises.form.editTitle') : t('promises.form.createTitle')}
      size="xl"
      data-testid="promise-form"
    >
      {noTeams ? (
        <NoTeamsNotice hint={t('promises.form.noTeamsHint')} onClose={onClose} testId="no-promiser-teams" />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {data.error ? <Alert color="red">{messageOfError(data.error)}</Alert> : null}
            {start?.painText && !isEdit ? (
              <Alert color="blue" variant="light" title={t('promises.form.answersPain')} data-testid="answered-pain">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {start.painText}
                </Text>
              </Alert>
            ) : null}
            <TextInput
              label={t('promises.form.title')}
              placeholder={t('promises.form.titlePlaceholder')}
              value={values.title}
              maxLength={200}
              onChange={(event) => {
                update({ title: event.currentTarget.value });
                form.clear('title');
              }}
              error={form.errorOf('title')}
              required
              data-autofocus
            />
            {isEdit ? (
              <Text size="sm" c="dimmed" data-testid="fixed-parties">
                {t('promises.form.fixedParties', {
                  team: promise?.promiserTeam?.name ?? t('promises.intentions.noTeam'),
                  promisee: promise?.promiseeSegment?.name ?? promise?.promiseeTeam?.name ?? '—',
                })}
              </Text>
            ) : (
              <PromisePartiesFields
                values={values}
                update={update}
                errors={form}
                data={data.data}
                isLoading={data.isLoading}
                promiserTeams={promiserTeams}
              />
            )}
            {kind === 'client' ? <PromisePainsField opened={opened} values={values} update={update} errors={form} /> : null}
            <TermsFields draft={values.terms} onChange={updateTerms} errorOf={form.errorOf} clear={form.clear} kind={kind} />
            <PromiseBackingFields opened={opened} values={values} update={update} errors={form} teamName={teamName} />
            <NumberInput
              label={t('promises.capacity.forecast')}
              description={t('promises.capacity.forecastHint')}
              min={0}
              allowDecimal={false}
              thousandSeparator=" "
              value={values.demandForecast}
              onChange={(value) => {
                update({ demandForecast: value });
                form.clear('demandForecastPerWeek');
              }}
              error={form.errorOf('demandForecastPerWeek')}
              data-testid="demand-forecast"
            />
            {isEdit ? null : <ActingForField />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.isBusy}>
                {isEdit ? t('common.save') : t('promises.form.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
