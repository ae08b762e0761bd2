import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { i18n } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { fieldError } from '../decisions/field-messages';
import { BackingRefusal } from './backing-notice';
import { missingFromError, type PublishRefusal } from './promise-backing';
import { changedTerms, draftOf, type TermsDraft, termsOf } from './promise-draft';
import { localizePromiseError } from './promise-errors';
import { usePromiseFormData } from './promise-form-data';
import { type PromiseItem, teamOf, type VersionInput } from './promises.api';
import { TERMS_FIELDS, TermsFields } from './terms-fields';

interface VersionModalProps {
  opened: boolean;
  promise: PromiseItem;
  onClose: () => void;
  onSubmit: (input: VersionInput) => Promise<unknown>;
}

const FIELDS = ['reason', 'promiserTeamId', ...TERMS_FIELDS];

/** Published terms are never edited in place: a change is version n+1, in force from now, with a reason. */
export function VersionModal({ opened, promise, onClose, onSubmit }: VersionModalProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const data = usePromiseFormData(opened);
  const [terms, setTerms] = useState<TermsDraft>(() => draftOf(promise.terms, org.currency));
  const [teamId, setTeamId] = useState<string>(teamOf(promise).id);
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<PublishRefusal | null>(null);
  const [isUnchanged, setUnchanged] = useState(false);
  const form = useMutationForm(FIELDS, { mapError: localizePromiseError });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts from the terms in force each time it opens
  useEffect(() => {
    if (!opened) return;
    setTerms(draftOf(promise.terms, org.currency));
    setTeamId(teamOf(promise).id);
    setReason('');
    setRefusal(null);
    setUnchanged(false);
    form.clear();
  }, [opened]);

  const teams = data.data?.promiserTeams ?? [];
  const teamData = [
    { value: teamOf(promise).id, label: teamOf(promise).name },
    ...teams.filter((team) => team.id !== teamOf(promise).id).map((team) => ({ value: team.id, label: team.name })),
  ];
  const teamName = teamData.find((item) => item.value === teamId)?.label ?? '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const checked = termsOf(terms, org.currency);
    if (checked.errors) {
      form.handle(
        new ApiError(
          422,
          'validation_failed',
          '',
          Object.entries(checked.errors).map(([path, key]) => ({ path, message: i18n.t(key) })),
        ),
      );
      return;
    }
    const current = {
      statement: promise.terms.statement,
      metric: promise.terms.metric,
      target: promise.terms.target,
      window: promise.terms.window,
      redress: promise.terms.redress,
    };
    const changed = changedTerms(current, checked.terms);
    const teamChanged = teamId !== teamOf(promise).id;
    if (Object.keys(changed).length === 0 && !teamChanged) return setUnchanged(true);
    if (!reason.trim()) return form.handle(fieldError('reason', t('promises.errors.reasonRequired')));
    void form.run(
      async () => {
        await onSubmit({ reason: reason.trim(), ...changed, ...(teamChanged ? { promiserTeamId: teamId } : {}) });
        onClose();
      },
      {
        // A promise nobody can keep is refused with what is missing, shown above the form.
        onError: (error) => {
          const missing = missingFromError(error, promise);
          if (!missing) return error;
          setRefusal(missing);
          return null;
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('promises.versionForm.title')} size="xl" data-testid="version-form">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('promises.versionForm.intro', { n: promise.terms.version + 1 })}
          </Text>
          <TermsFields
            draft={terms}
            onChange={(patch) => {
              setTerms((current) => ({ ...current, ...patch }));
              setUnchanged(false);
            }}
            errorOf={form.errorOf}
            clear={form.clear}
            kind={promise.kind}
          />
          <Select
            label={t('promises.form.promiser')}
            description={t('promises.versionForm.teamHint')}
            data={teamData}
            value={teamId}
            onChange={(value) => {
              setTeamId(value ?? teamOf(promise).id);
              setRefusal(null);
              setUnchanged(false);
              form.clear('promiserTeamId');
            }}
            allowDeselect={false}
            error={form.errorOf('promiserTeamId')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Textarea
            label={t('promises.versionForm.reason')}
            description={t('promises.versionForm.reasonHint')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              form.clear('reason');
            }}
            error={form.errorOf('reason')}
            required
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          {refusal ? <BackingRefusal refusal={refusal} teamId={teamId} teamName={teamName} /> : null}
          {isUnchanged ? (
            <Alert color="yellow" variant="light" data-testid="nothing-changed">
              {t('promises.errors.nothingChanged')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {t('promises.versionForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
