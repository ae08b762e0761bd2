import { Alert, Button, Group, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { messageOfError, notifyError } from '../../shared/api/error-messages';
import { useFormErrors } from '../../shared/api/use-form-errors';
import { i18n } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { fieldError } from '../decisions/field-messages';
import { BackingPreview } from './backing-notice';
import { NoTeamsNotice } from './no-teams-notice';
import { missingBacking, undeclaredBacking, useTeamBacking } from './promise-backing';
import { draftOf, NEW_TERMS, type TermsDraft, termsOf } from './promise-draft';
import { isNotPromiser, localizePromiseError } from './promise-errors';
import { usePromiseFormData, useSegmentPains } from './promise-form-data';
import type { PromiseInput, PromiseItem, PromiseKind, PromisePatch } from './promises.api';
import { TERMS_FIELDS, TermsFields } from './terms-fields';

/** Where a new promise starts: a pain of a segment ("answer this pain with a promise"), or nothing. */
export interface PromiseStart {
  kind?: PromiseKind;
  segmentId?: string;
  painIds?: string[];
  /** The pain's words, shown at the top of the form. */
  painText?: string;
}

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
  ...TERMS_FIELDS,
];

/** A new promise (a draft: an intention until published), or a draft's terms changed in place. */
export function PromiseFormModal({ opened, onClose, promise, start, onCreate, onUpdate }: PromiseFormModalProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const isEdit = Boolean(promise);
  const data = usePromiseFormData(opened);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<PromiseKind>('client');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [promiseeTeamId, setPromiseeTeamId] = useState<string | null>(null);
  const [supportsId, setSupportsId] = useState<string | null>(null);
  const [painIds, setPainIds] = useState<string[]>([]);
  const [capabilityIds, setCapabilityIds] = useState<string[]>([]);
  const [rightIds, setRightIds] = useState<string[]>([]);
  const [terms, setTerms] = useState<TermsDraft>(NEW_TERMS);
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const backing = useTeamBacking(org.slug, teamId, opened);
  const pains = useSegmentPains(kind === 'client' ? segmentId : null, opened);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts again each time it opens
  useEffect(() => {
    if (!opened) return;
    errors.clear();
    if (promise) {
      setTitle(promise.title);
      setKind(promise.kind);
      setTeamId(promise.promiserTeam.id);
      setSegmentId(promise.promiseeSegment?.id ?? null);
      setPromiseeTeamId(promise.promiseeTeam?.id ?? null);
      setSupportsId(promise.supportsPromiseId);
      setPainIds(promise.painIds);
      setCapabilityIds(promise.requiredCapabilityIds);
      setRightIds(promise.requiredRightIds);
      setTerms(draftOf(promise.terms, org.currency));
    } else {
      setTitle('');
      setKind(start?.kind ?? 'client');
      setTeamId(null);
      setSegmentId(start?.segmentId ?? null);
      setPromiseeTeamId(null);
      setSupportsId(null);
      setPainIds(start?.painIds ?? []);
      setCapabilityIds([]);
      setRightIds([]);
      setTerms(NEW_TERMS);
    }
  }, [opened]);

  const form = data.data;
  const promiserTeams = form?.promiserTeams ?? [];
  // The only team the person may promise for is chosen for them.
  useEffect(() => {
    if (opened && !isEdit && teamId === null && promiserTeams.length === 1) setTeamId(promiserTeams[0]?.id ?? null);
  }, [opened, isEdit, teamId, promiserTeams]);

  const teamName = form?.teams.find((team) => team.id === teamId)?.name ?? promise?.promiserTeam.name ?? '';
  const missing = useMemo(
    () => (backing.data ? missingBacking({ requiredCapabilityIds: capabilityIds, requiredRightIds: rightIds }, backing.data) : null),
    [backing.data, capabilityIds, rightIds],
  );
  const held = backing.data?.heldRightIds ?? new Set<string>();
  const rights = backing.data?.rights ?? [];
  const rightData = [
    {
      group: t('promises.form.rightsHeld'),
      items: rights.filter((right) => held.has(right.id)).map((right) => ({ value: right.id, label: right.name })),
    },
    {
      group: t('promises.form.rightsNotHeld'),
      items: rights.filter((right) => !held.has(right.id)).map((right) => ({ value: right.id, label: right.name })),
    },
  ].filter((group) => group.items.length > 0);
  const capabilityData = (backing.data?.capabilities ?? []).map((capability) => ({ value: capability.id, label: capability.name }));
  const noTeams = form !== null && form !== undefined && !isEdit && promiserTeams.length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = termsOf(terms, org.currency);
    const local: [string, string][] = [];
    if (!title.trim()) local.push(['title', 'validation.required']);
    if (!isEdit && !teamId) local.push(['promiserTeamId', 'validation.required']);
    if (!isEdit && kind === 'client' && !segmentId) local.push(['promiseeSegmentId', 'promises.errors.segmentRequired']);
    if (!isEdit && kind === 'internal' && !promiseeTeamId) local.push(['promiseeTeamId', 'promises.errors.promiseeTeamRequired']);
    if (checked.errors) local.push(...Object.entries(checked.errors));
    if (local.length > 0 || !checked.terms) {
      errors.handle(
        new ApiError(
          422,
          'validation_failed',
          '',
          local.map(([path, key]) => ({ path, message: i18n.t(key) })),
        ),
      );
      return;
    }
    setBusy(true);
    try {
      if (promise) {
        await onUpdate?.({
          title: title.trim(),
          ...checked.terms,
          painIds,
          requiredCapabilityIds: capabilityIds,
          requiredRightIds: rightIds,
        });
      } else {
        await onCreate?.({
          title: title.trim(),
          kind,
          promiserTeamId: teamId as string,
          ...(kind === 'client'
            ? { promiseeSegmentId: segmentId as string, painIds }
            : { promiseeTeamId: promiseeTeamId as string, painIds: [] }),
          ...(kind === 'internal' && supportsId ? { supportsPromiseId: supportsId } : {}),
          ...checked.terms,
          requiredCapabilityIds: capabilityIds,
          requiredRightIds: rightIds,
        });
      }
      onClose();
    } catch (error) {
      if (isNotPromiser(error) && !isEdit) errors.handle(fieldError('promiserTeamId', t('promises.errors.notYourTeam')));
      else if (isNotPromiser(error)) notifyError(error);
      else errors.handle(localizePromiseError(error));
    } finally {
      setBusy(false);
    }
  };

  const segmentData = (form?.segments ?? []).map((segment) => ({ value: segment.id, label: segment.name }));
  const painData = (pains.data ?? []).map((pain) => ({ value: pain.id, label: pain.text }));
  const teamData = promiserTeams.map((team) => ({ value: team.id, label: team.name }));
  const promiseeTeamData = (form?.teams ?? []).filter((team) => team.id !== teamId).map((team) => ({ value: team.id, label: team.name }));
  const supportData = (form?.supportable ?? []).map((item) => ({ value: item.id, label: item.title }));

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
              value={title}
              maxLength={200}
              onChange={(event) => {
                setTitle(event.currentTarget.value);
                errors.clear('title');
              }}
              error={errors.errorOf('title')}
              required
              data-autofocus
            />
            {isEdit ? (
              <Text size="sm" c="dimmed" data-testid="fixed-parties">
                {t('promises.form.fixedParties', {
                  team: promise?.promiserTeam.name,
                  promisee: promise?.promiseeSegment?.name ?? promise?.promiseeTeam?.name ?? '—',
                })}
              </Text>
            ) : (
              <>
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('promises.form.kind')}
                  </Text>
                  <SegmentedControl
                    value={kind}
                    onChange={(value) => {
                      setKind(value as PromiseKind);
                      errors.clear('promiseeSegmentId');
                      errors.clear('promiseeTeamId');
                    }}
                    data={[
                      { value: 'client', label: t('promises.kinds.client') },
                      { value: 'internal', label: t('promises.kinds.internal') },
                    ]}
                    aria-label={t('promises.form.kind')}
                  />
                  <Text size="xs" c="dimmed">
                    {kind === 'client' ? t('promises.form.kindClientHint') : t('promises.form.kindInternalHint')}
                  </Text>
                </Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('promises.form.promiser')}
                    description={org.role === 'admin' ? t('promises.form.promiserHintAdmin') : t('promises.form.promiserHint')}
                    placeholder={data.isLoading ? t('common.loading') : t('promises.form.promiserPlaceholder')}
                    data={teamData}
                    value={teamId}
                    onChange={(value) => {
                      setTeamId(value);
                      // Capabilities are the team's own: another team's are not this one's to need.
                      setCapabilityIds([]);
                      errors.clear('promiserTeamId');
                    }}
                    error={errors.errorOf('promiserTeamId')}
                    searchable
                    nothingFoundMessage={t('common.nothingFound')}
                    required
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                  />
                  {kind === 'client' ? (
                    <Select
                      label={t('promises.form.segment')}
                      description={t('promises.form.segmentHint')}
                      placeholder={t('promises.form.segmentPlaceholder')}
                      data={segmentData}
                      value={segmentId}
                      onChange={(value) => {
                        setSegmentId(value);
                        setPainIds([]);
                        errors.clear('promiseeSegmentId');
                      }}
                      error={errors.errorOf('promiseeSegmentId')}
                      searchable
                      nothingFoundMessage={t('common.nothingFound')}
                      required
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                    />
                  ) : (
                    <Select
                      label={t('promises.form.promiseeTeam')}
                      description={t('promises.form.promiseeTeamHint')}
                      placeholder={t('promises.form.promiseeTeamPlaceholder')}
                      data={promiseeTeamData}
                      value={promiseeTeamId}
                      onChange={(value) => {
                        setPromiseeTeamId(value);
                        errors.clear('promiseeTeamId');
                      }}
                      error={errors.errorOf('promiseeTeamId')}
                      searchable
                      nothingFoundMessage={t('common.nothingFound')}
                      required
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                    />
                  )}
                </SimpleGrid>
                {kind === 'internal' ? (
                  <Select
                    label={t('promises.form.supports')}
                    description={t('promises.form.supportsHint')}
                    placeholder={t('common.optional')}
                    data={supportData}
                    value={supportsId}
                    onChange={(value) => {
                      setSupportsId(value);
                      errors.clear('supportsPromiseId');
                    }}
                    error={errors.errorOf('supportsPromiseId')}
                    searchable
                    clearable
                    nothingFoundMessage={t('common.nothingFound')}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                  />
                ) : null}
              </>
            )}
            {kind === 'client' ? (
              <MultiSelect
                label={t('promises.form.pains')}
                description={t('promises.form.painsHint')}
                placeholder={
                  painIds.length ? undefined : segmentId ? t('promises.form.painsPlaceholder') : t('promises.form.painsNoSegment')
                }
                data={painData}
                value={painIds}
                onChange={(value) => {
                  setPainIds(value);
                  errors.clear('painIds');
                }}
                error={errors.errorOf('painIds')}
                disabled={!segmentId}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            ) : null}
            <TermsFields
              draft={terms}
              onChange={(patch) => setTerms((current) => ({ ...current, ...patch }))}
              errorOf={errors.errorOf}
              clear={errors.clear}
              kind={kind}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect
                label={t('promises.form.capabilities')}
                description={teamId ? t('promises.form.capabilitiesHint', { team: teamName }) : t('promises.form.chooseTeamFirst')}
                placeholder={capabilityIds.length || kind === 'client' ? undefined : t('common.optional')}
                data={capabilityData}
                value={capabilityIds}
                onChange={(value) => {
                  setCapabilityIds(value);
                  errors.clear('requiredCapabilityIds');
                }}
                error={errors.errorOf('requiredCapabilityIds')}
                disabled={!teamId}
                searchable
                clearable
                nothingFoundMessage={t('promises.form.noCapabilities')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
              <MultiSelect
                label={t('promises.form.rights')}
                description={teamId ? t('promises.form.rightsHint') : t('promises.form.chooseTeamFirst')}
                placeholder={rightIds.length || kind === 'client' ? undefined : t('common.optional')}
                data={rightData}
                value={rightIds}
                onChange={(value) => {
                  setRightIds(value);
                  errors.clear('requiredRightIds');
                }}
                error={errors.errorOf('requiredRightIds')}
                disabled={!teamId}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </SimpleGrid>
            {teamId ? (
              backing.error ? (
                <Alert color="red">{messageOfError(backing.error)}</Alert>
              ) : (
                <BackingPreview
                  missing={missing}
                  undeclared={undeclaredBacking(kind, { requiredCapabilityIds: capabilityIds, requiredRightIds: rightIds })}
                  teamName={teamName}
                  hasRequirements={capabilityIds.length + rightIds.length > 0}
                />
              )
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={isBusy}>
                {isEdit ? t('common.save') : t('promises.form.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
