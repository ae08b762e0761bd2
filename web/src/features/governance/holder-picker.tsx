import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../../shared/api/use-form-errors';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { governanceApi, type HolderType } from './governance.api';
import type { TeamRef } from './rights-model';

export interface HolderValues {
  holderType: HolderType;
  teamId: string | null;
  roleId: string | null;
}

interface HolderPickerProps {
  values: HolderValues;
  onChange: (values: HolderValues) => void;
  /** The teams to choose from (one team: only its roles or itself). */
  teams: readonly TeamRef[];
  errors: FormErrors;
  /** A holder that may not be chosen (the grant's own holder: passing a right to oneself says nothing). */
  excludeKey?: string;
}

/** Who receives a right: a team, or a role of a team (the team first, then its role). */
export function HolderPicker({ values, onChange, teams, errors, excludeKey }: HolderPickerProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const roles = useResource(
    () => (values.teamId ? governanceApi.roles(org.slug, values.teamId).then((page) => page.items) : Promise.resolve([])),
    `${org.slug}|${values.teamId}`,
  );
  const set = (patch: Partial<HolderValues>) => {
    onChange({ ...values, ...patch });
    errors.clear('holderId');
    errors.clear('holderType');
  };
  const teamOptions = teams
    .filter((team) => values.holderType === 'role' || `team:${team.id}` !== excludeKey)
    .map((team) => ({ value: team.id, label: team.name }));
  const roleOptions = (roles.data ?? [])
    .filter((role) => `role:${role.id}` !== excludeKey)
    .map((role) => ({ value: role.id, label: role.name }));
  const isOneTeam = teams.length === 1;

  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('governance.grants.holder')}
        </Text>
        <SegmentedControl
          value={values.holderType}
          onChange={(holderType) => set({ holderType: holderType as HolderType, roleId: null })}
          data={[
            { value: 'role', label: t('governance.holderTypes.role') },
            { value: 'team', label: t('governance.holderTypes.team') },
          ]}
        />
      </div>
      {isOneTeam && values.holderType === 'team' ? (
        <Text size="sm">{teams[0]?.name}</Text>
      ) : isOneTeam ? null : (
        <Select
          label={t('governance.grants.team')}
          data={teamOptions}
          value={values.teamId}
          onChange={(teamId) => set({ teamId, roleId: null })}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          error={values.holderType === 'team' ? errors.errorOf('holderId') : undefined}
        />
      )}
      {values.holderType === 'role' ? (
        <Select
          label={t('governance.grants.role')}
          placeholder={
            roles.isLoading ? t('common.loading') : roleOptions.length ? t('governance.grants.chooseRole') : t('governance.grants.noRoles')
          }
          data={roleOptions}
          value={values.roleId}
          onChange={(roleId) => set({ roleId })}
          disabled={!values.teamId || roleOptions.length === 0}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          error={errors.errorOf('holderId')}
        />
      ) : null}
    </Stack>
  );
}

/** The chosen holder's id, or null while the choice is incomplete. */
export function holderIdOf(values: HolderValues): string | null {
  return values.holderType === 'team' ? values.teamId : values.roleId;
}
