import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, OrgKind } from '../../shared/api/types';
import { intlLocale } from '../../shared/i18n';

export interface OrgSettingsValues {
  name: string;
  kind: OrgKind;
  locale: Locale;
  currency: string;
  timeZone: string;
}

function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}

function currencies(language: string, current: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([intlLocale(language)], { type: 'currency' });
  const codes = new Set(Intl.supportedValuesOf('currency'));
  if (current) codes.add(current);
  return [...codes].sort().map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
}

interface OrgFieldsProps {
  values: OrgSettingsValues;
  onChange: (patch: Partial<OrgSettingsValues>) => void;
  /** The error of a field, by its name in the API (without any prefix). */
  errorOf: (field: keyof OrgSettingsValues) => string | undefined;
  disabled?: boolean;
  /** Shown right under the name (the setup puts the slug there). */
  afterName?: ReactNode;
}

/** Name, kind, language, currency and time zone of an organization: the setup and the settings page share them. */
export function OrgFields({ values, onChange, errorOf, disabled, afterName }: OrgFieldsProps) {
  const { t, i18n } = useTranslation();
  const zoneOptions = useMemo(() => timeZones(values.timeZone), [values.timeZone]);
  const currencyOptions = useMemo(() => currencies(i18n.language, values.currency), [i18n.language, values.currency]);
  return (
    <>
      <TextInput
        label={t('org.name')}
        value={values.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
        error={errorOf('name')}
        disabled={disabled}
      />
      {afterName}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('org.kind')}
          data={[
            { value: 'business', label: t('orgKinds.business') },
            { value: 'government', label: t('orgKinds.government') },
          ]}
          value={values.kind}
          onChange={(value) => value && onChange({ kind: value as OrgKind })}
          error={errorOf('kind')}
          allowDeselect={false}
          disabled={disabled}
        />
        <Select
          label={t('org.locale')}
          description={t('org.localeHint')}
          data={[
            { value: 'ru', label: t('locales.ru') },
            { value: 'en', label: t('locales.en') },
          ]}
          value={values.locale}
          onChange={(value) => value && onChange({ locale: value as Locale })}
          error={errorOf('locale')}
          allowDeselect={false}
          disabled={disabled}
        />
        <Select
          label={t('org.currency')}
          data={currencyOptions}
          value={values.currency}
          onChange={(value) => value && onChange({ currency: value })}
          error={errorOf('currency')}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
          disabled={disabled}
        />
        <Select
          label={t('org.timeZone')}
          data={zoneOptions}
          value={values.timeZone}
          onChange={(value) => value && onChange({ timeZone: value })}
          error={errorOf('timeZone')}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
          disabled={disabled}
          limit={100}
        />
      </SimpleGrid>
    </>
  );
}
