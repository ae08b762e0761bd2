import { Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateFormatChoice, ImportField, ImportMapping, ImportPreview } from './events-import.api';

const FORMATS: DateFormatChoice[] = ['auto', 'dd.mm.yyyy', 'yyyy-mm-dd', 'iso', 'excel'];
/** The dictionary's key of each format (a key may not hold dots). */
const FORMAT_KEY = { auto: 'auto', 'dd.mm.yyyy': 'dmy', 'yyyy-mm-dd': 'ymd', iso: 'iso', excel: 'excel' } as const;

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

interface Props {
  preview: ImportPreview;
  disabled: boolean;
  onChange: (settings: { mapping: ImportMapping; timeZone: string; dateFormat: DateFormatChoice }) => void;
}

/** The mapping step: which column holds each field, the time zone of times without an offset, the date format. */
export function EventsImportSettings({ preview, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const zones = useMemo(() => timeZones(preview.timeZone), [preview.timeZone]);
  const fields: ImportField[] = ['externalId', 'occurredAt', preview.metricKind === 'ratio' ? 'good' : 'value', 'clientId'];
  const columns = preview.columns.map((c) => ({ value: c, label: c }));
  const settings = { mapping: preview.mapping, timeZone: preview.timeZone, dateFormat: preview.dateFormat };
  const isRemembered = preview.remembered !== null && JSON.stringify(preview.remembered.mapping) === JSON.stringify(preview.mapping);
  const detected = preview.detectedDateFormat ? t(`promises.import.dateFormats.${FORMAT_KEY[preview.detectedDateFormat]}`) : null;
  return (
    <Stack gap="xs" data-testid="import-mapping">
      <Title order={3} size="h5">
        {t('promises.import.mappingTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {isRemembered ? t('promises.import.remembered') : t('promises.import.guessed')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {fields.map((field) => (
          <Select
            key={field}
            label={t(`promises.import.fields.${field}`)}
            data-testid={`map-${field}`}
            data={field === 'clientId' ? [{ value: '', label: t('promises.import.noColumn') }, ...columns] : columns}
            value={preview.mapping[field] ?? (field === 'clientId' ? '' : null)}
            placeholder={t('promises.import.noColumn')}
            allowDeselect={false}
            disabled={disabled}
            onChange={(value) => {
              const mapping = { ...preview.mapping };
              if (value) mapping[field] = value;
              else delete mapping[field];
              onChange({ ...settings, mapping });
            }}
          />
        ))}
        <Select
          label={t('promises.import.timeZone')}
          data-testid="import-time-zone"
          data={zones}
          value={preview.timeZone}
          searchable
          allowDeselect={false}
          disabled={disabled}
          onChange={(value) => value && onChange({ ...settings, timeZone: value })}
        />
        <Select
          label={t('promises.import.dateFormat')}
          data-testid="import-date-format"
          data={FORMATS.map((f) => ({
            value: f,
            label:
              f === 'auto'
                ? detected
                  ? t('promises.import.dateFormats.auto', { detected })
                  : t('promises.import.dateFormats.autoNone')
                : t(`promises.import.dateFormats.${FORMAT_KEY[f]}`),
          }))}
          value={preview.dateFormat}
          allowDeselect={false}
          disabled={disabled}
          onChange={(value) => value && onChange({ ...settings, dateFormat: value as DateFormatChoice })}
        />
      </SimpleGrid>
    </Stack>
  );
}
