import { Alert, MultiSelect, SimpleGrid } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOfError } from '../../shared/api/error-messages';
import type { FormErrors } from '../../shared/api/use-form-errors';
import { useOrg } from '../../shared/session/org-context';
import { BackingPreview } from './backing-notice';
import { missingBacking, undeclaredBacking, useTeamBacking } from './promise-backing';
import type { PromiseFormValues } from './promise-form-values';

interface PromiseBackingFieldsProps {
  opened: boolean;
  values: PromiseFormValues;
  update: (patch: Partial<PromiseFormValues>) => void;
  errors: FormErrors;
  /** The promiser team's name, for the hints. */
  teamName: string;
}

/**
 * The capabilities and rights the promise needs, chosen from the promiser team's own, and what of it the
 * team does not hold yet: a promise nobody can keep stays a draft.
 */
export function PromiseBackingFields({ opened, values, update, errors, teamName }: PromiseBackingFieldsProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const { kind, teamId, capabilityIds, rightIds } = values;
  const backing = useTeamBacking(org.slug, teamId, opened);
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

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('promises.form.capabilities')}
          description={teamId ? t('promises.form.capabilitiesHint', { team: teamName }) : t('promises.form.chooseTeamFirst')}
          placeholder={capabilityIds.length || kind === 'client' ? undefined : t('common.optional')}
          data={capabilityData}
          value={capabilityIds}
          onChange={(value) => {
            update({ capabilityIds: value });
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
            update({ rightIds: value });
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
    </>
  );
}
