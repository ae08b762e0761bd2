import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditFacets,
  type AuditFilterValues,
  actionLabel,
  mergeOptions,
  NO_FILTER,
} from './audit.api';

export function AuditFilters({
  values,
  onChange,
  facets,
}: {
  values: AuditFilterValues;
  onChange: (values: AuditFilterValues) => void;
  facets?: AuditFacets;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...values, ...patch });
  const isFiltered = values.action !== null || values.entityType !== null || values.fromDate !== '' || values.toDate !== '';
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <Select
        label={t('audit.filterAction')}
        placeholder={t('audit.any')}
        data={mergeOptions(AUDIT_ACTIONS, facets?.actions).map((action) => ({
          value: action,
          label: actionLabel(t, action),
        }))}
        value={values.action}
        onChange={(action) => set({ action })}
        clearable
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label={t('audit.filterEntity')}
        placeholder={t('audit.any')}
        data={mergeOptions(AUDIT_ENTITY_TYPES, facets?.entityTypes).map((type) => ({
          value: type,
          label: t(`audit.entities.${type}`, { defaultValue: type }),
        }))}
        value={values.entityType}
        onChange={(entityType) => set({ entityType })}
        clearable
        w={{ base: '100%', xs: 200 }}
      />
      <TextInput
        type="date"
        label={t('audit.from')}
        value={values.fromDate}
        onChange={(event) => set({ fromDate: event.currentTarget.value })}
        w={{ base: 'calc(50% - 6px)', xs: 160 }}
      />
      <TextInput
        type="date"
        label={t('audit.to')}
        value={values.toDate}
        onChange={(event) => set({ toDate: event.currentTarget.value })}
        w={{ base: 'calc(50% - 6px)', xs: 160 }}
      />
      {isFiltered ? (
        <Button variant="subtle" onClick={() => onChange(NO_FILTER)}>
          {t('audit.resetFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
