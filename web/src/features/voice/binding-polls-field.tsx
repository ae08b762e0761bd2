import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { governanceApi } from '../decisions/decisions.api';

/** The decision rights under which client polls bind: deciding against a counting poll's winner is refused (clients_decided). */
export function BindingPollsField({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const rights = useResource(() => governanceApi.rights(org.slug), org.slug);
  return (
    <MultiSelect
      label={t('voiceBinding.label')}
      description={t('voiceBinding.hint')}
      data={(rights.data?.items ?? []).map((right) => ({ value: right.id, label: right.name }))}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data-testid="binding-poll-rights"
    />
  );
}
