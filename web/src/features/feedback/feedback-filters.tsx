import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FeedbackFilter, SUBJECT_TYPES, type SubjectType } from './feedback.api';
import { useSubjects } from './use-subjects';

/** Dates (the organization's calendar, both days included) and the subject the figures are about. */
export function FeedbackFilters({ value, onChange }: { value: FeedbackFilter; onChange: (next: FeedbackFilter) => void }) {
  const { t } = useTranslation();
  const subjects = useSubjects();
  const type = value.subjectType;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" data-testid="feedback-filters">
      <TextInput
        type="date"
        label={t('feedback.filters.from')}
        value={value.from ?? ''}
        max={value.to}
        onChange={(event) => onChange({ ...value, from: event.currentTarget.value || undefined })}
        w={170}
      />
      <TextInput
        type="date"
        label={t('feedback.filters.to')}
        value={value.to ?? ''}
        min={value.from}
        onChange={(event) => onChange({ ...value, to: event.currentTarget.value || undefined })}
        w={170}
      />
      <Select
        label={t('feedback.filters.subjectType')}
        data={[
          { value: '', label: t('feedback.filters.subjectAll') },
          ...SUBJECT_TYPES.map((s) => ({ value: s, label: t(`feedback.subjectTypes.${s}`) })),
        ]}
        value={type ?? ''}
        onChange={(next) => onChange({ ...value, subjectType: (next || undefined) as SubjectType | undefined, subjectId: undefined })}
        allowDeselect={false}
        w={190}
      />
      {type === 'promise' || type === 'team' ? (
        <Select
          label={t('feedback.filters.subject')}
          placeholder={t('feedback.filters.subjectAny')}
          data={subjects[type]}
          value={value.subjectId ?? null}
          onChange={(next) => onChange({ ...value, subjectId: next ?? undefined })}
          searchable
          clearable
          style={{ flex: '1 1 240px', minWidth: 200 }}
        />
      ) : type === 'touchpoint' ? (
        <TextInput
          label={t('feedback.filters.touchpointName')}
          placeholder={t('feedback.filters.subjectAny')}
          defaultValue={value.subjectId ?? ''}
          onBlur={(event) => onChange({ ...value, subjectId: event.currentTarget.value.trim() || undefined })}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange({ ...value, subjectId: event.currentTarget.value.trim() || undefined });
          }}
          style={{ flex: '1 1 200px' }}
        />
      ) : null}
    </Group>
  );
}
