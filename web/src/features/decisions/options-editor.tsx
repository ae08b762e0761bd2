import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../shared/ui/icons';

export interface OptionDraft {
  /** A stable React key: rows are added and removed. */
  key: number;
  title: string;
  description: string;
}

export const MAX_OPTIONS = 10;

interface OptionsEditorProps {
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
  /** The error of a field by its API path: `options`, `options.1.title`. */
  errorOf: (path: string) => string | undefined;
  onEdit: (path: string) => void;
  /** An error about the options as a whole (too few of them). */
  error?: string;
  /** Shown read-only, with this note saying why (advice has been given on them). */
  lockedNote?: string;
}

let nextKey = 1;
export function newOption(): OptionDraft {
  nextKey += 1;
  return { key: nextKey, title: '', description: '' };
}

/** The alternatives the decision chooses from: optionality asks for at least two. */
export function OptionsEditor({ options, onChange, errorOf, onEdit, error, lockedNote }: OptionsEditorProps) {
  const isLocked = lockedNote !== undefined;
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<OptionDraft>, field: string) => {
    onChange(options.map((option, i) => (i === index ? { ...option, ...patch } : option)));
    onEdit(`options.${index}.${field}`);
  };
  const groupError = error ?? errorOf('options');
  return (
    <Stack gap="xs" data-testid="options-editor" data-locked={isLocked || undefined}>
      <div>
        <Text size="sm" fw={500}>
          {t('decisions.options')}
        </Text>
        <Text size="xs" c={isLocked ? 'orange.8' : 'dimmed'} data-testid={isLocked ? 'options-locked' : undefined}>
          {lockedNote ?? t('decisions.optionsHint')}
        </Text>
      </div>
      {options.map((option, index) => (
        <Paper key={option.key} withBorder radius="md" p="sm" bg="gray.0">
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
              <TextInput
                label={t('decisions.optionTitle', { number: index + 1 })}
                placeholder={isLocked ? undefined : t('decisions.optionTitlePlaceholder')}
                value={option.title}
                onChange={(event) => update(index, { title: event.currentTarget.value }, 'title')}
                error={errorOf(`options.${index}.title`)}
                disabled={isLocked}
                size="sm"
              />
              <Textarea
                aria-label={t('decisions.optionDescription', { number: index + 1 })}
                placeholder={isLocked ? undefined : t('decisions.optionDescriptionPlaceholder')}
                autosize
                minRows={1}
                maxRows={4}
                value={option.description}
                onChange={(event) => update(index, { description: event.currentTarget.value }, 'description')}
                error={errorOf(`options.${index}.description`)}
                disabled={isLocked}
                size="sm"
              />
            </Stack>
            {isLocked ? null : (
              <Tooltip label={t('decisions.removeOption')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={26}
                  aria-label={t('decisions.removeOptionNumbered', { number: index + 1 })}
                  onClick={() => {
                    onChange(options.filter((_, i) => i !== index));
                    onEdit('options');
                  }}
                  disabled={options.length <= 1}
                >
                  <TrashIcon size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Paper>
      ))}
      {groupError ? (
        <Text size="sm" c="red" role="alert" data-testid="options-error">
          {groupError}
        </Text>
      ) : null}
      {isLocked ? null : (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<PlusIcon size={14} />}
            onClick={() => {
              onChange([...options, newOption()]);
              onEdit('options');
            }}
            disabled={options.length >= MAX_OPTIONS}
          >
            {t('decisions.addOption')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
