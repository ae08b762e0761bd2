import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface TitleDescriptionFieldsProps {
  titleLabel: string;
  title: string;
  onTitle: (value: string) => void;
  description: string;
  onDescription: (value: string) => void;
  errorOf: (field: string) => string | undefined;
}

/** The title and description every round and project has, with the API's limits. */
export function TitleDescriptionFields({ titleLabel, title, onTitle, description, onDescription, errorOf }: TitleDescriptionFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={titleLabel}
        required
        maxLength={200}
        value={title}
        onChange={(e) => onTitle(e.currentTarget.value)}
        error={errorOf('title')}
        data-autofocus
      />
      <Textarea
        label={t('participation.fields.description')}
        autosize
        minRows={2}
        maxLength={5000}
        value={description}
        onChange={(e) => onDescription(e.currentTarget.value)}
        error={errorOf('description')}
      />
    </>
  );
}
