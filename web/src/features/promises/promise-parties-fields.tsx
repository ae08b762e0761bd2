import { MultiSelect, SegmentedControl, Select, type SelectProps, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../../shared/api/use-form-errors';
import { useOrg } from '../../shared/session/org-context';
import { type PromiseFormData, useSegmentPains } from './promise-form-data';
import type { PromiseFormValues } from './promise-form-values';
import type { PromiseKind } from './promises.api';

interface PromisePartiesFieldsProps {
  values: PromiseFormValues;
  update: (patch: Partial<PromiseFormValues>) => void;
  errors: FormErrors;
  data: PromiseFormData | null | undefined;
  isLoading: boolean;
  /** The teams the person may promise for. */
  promiserTeams: PromiseFormData['promiserTeams'];
}

/** Who promises to whom, for a new promise: the kind, the promiser team, the segment or team promised, what it supports. */
export function PromisePartiesFields({ values, update, errors, data, isLoading, promiserTeams }: PromisePartiesFieldsProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const { kind } = values;
  const teamData = promiserTeams.map((team) => ({ value: team.id, label: team.name }));
  const segmentData = (data?.segments ?? []).map((segment) => ({ value: segment.id, label: segment.name }));
  const promiseeTeamData = (data?.teams ?? [])
    .filter((team) => team.id !== values.teamId)
    .map((team) => ({ value: team.id, label: team.name }));
  const supportData = (data?.supportable ?? []).map((item) => ({ value: item.id, label: item.title }));
  // What every select here shares: search, and the error under the hint.
  const select: Partial<SelectProps> = {
    searchable: true,
    nothingFoundMessage: t('common.nothingFound'),
    inputWrapperOrder: ['label', 'input', 'description', 'error'],
  };

  return (
    <>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('promises.form.kind')}
        </Text>
        <SegmentedControl
          value={kind}
          onChange={(value) => {
            update({ kind: value as PromiseKind });
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
          placeholder={isLoading ? t('common.loading') : t('promises.form.promiserPlaceholder')}
          data={teamData}
          value={values.teamId}
          onChange={(value) => {
            // Capabilities are the team's own: another team's are not this one's to need.
            update({ teamId: value, capabilityIds: [] });
            errors.clear('promiserTeamId');
          }}
          error={errors.errorOf('promiserTeamId')}
          required
          {...select}
        />
        {kind === 'client' ? (
          <Select
            label={t('promises.form.segment')}
            description={t('promises.form.segmentHint')}
            placeholder={t('promises.form.segmentPlaceholder')}
            data={segmentData}
            value={values.segmentId}
            onChange={(value) => {
              update({ segmentId: value, painIds: [] });
              errors.clear('promiseeSegmentId');
            }}
            error={errors.errorOf('promiseeSegmentId')}
            required
            {...select}
          />
        ) : (
          <Select
            label={t('promises.form.promiseeTeam')}
            description={t('promises.form.promiseeTeamHint')}
            placeholder={t('promises.form.promiseeTeamPlaceholder')}
            data={promiseeTeamData}
            value={values.promiseeTeamId}
            onChange={(value) => {
              update({ promiseeTeamId: value });
              errors.clear('promiseeTeamId');
            }}
            error={errors.errorOf('promiseeTeamId')}
            required
            {...select}
          />
        )}
      </SimpleGrid>
      {kind === 'internal' ? (
        <Select
          label={t('promises.form.supports')}
          description={t('promises.form.supportsHint')}
          placeholder={t('common.optional')}
          data={supportData}
          value={values.supportsId}
          onChange={(value) => {
            update({ supportsId: value });
            errors.clear('supportsPromiseId');
          }}
          error={errors.errorOf('supportsPromiseId')}
          clearable
          {...select}
        />
      ) : null}
    </>
  );
}

/** The segment's pains a client promise answers; a segment is chosen first. */
export function PromisePainsField({
  opened,
  values,
  update,
  errors,
}: Pick<PromisePartiesFieldsProps, 'values' | 'update' | 'errors'> & { opened: boolean }) {
  const { t } = useTranslation();
  const { segmentId, painIds } = values;
  const pains = useSegmentPains(segmentId, opened);
  const painData = (pains.data ?? []).map((pain) => ({ value: pain.id, label: pain.text }));
  return (
    <MultiSelect
      label={t('promises.form.pains')}
      description={t('promises.form.painsHint')}
      placeholder={painIds.length ? undefined : segmentId ? t('promises.form.painsPlaceholder') : t('promises.form.painsNoSegment')}
      data={painData}
      value={painIds}
      onChange={(value) => {
        update({ painIds: value });
        errors.clear('painIds');
      }}
      error={errors.errorOf('painIds')}
      disabled={!segmentId}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}
