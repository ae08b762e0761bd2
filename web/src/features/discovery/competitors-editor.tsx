import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../shared/ui/icons';
import { addCompetitor, type CanvasDraft, MAX_COMPETITORS, removeCompetitor, renameCompetitor } from './canvas-draft';

interface CompetitorsEditorProps {
  draft: CanvasDraft;
  canWrite: boolean;
  update: (change: (draft: CanvasDraft) => CanvasDraft) => void;
  errorOf: (key: string) => string | undefined;
  clearError: (key: string) => void;
}

/** The competitors and alternatives the client compares the offer with (at most eight). */
export function CompetitorsEditor({ draft, canWrite, update, errorOf, clearError }: CompetitorsEditorProps) {
  const { t } = useTranslation();
  const isFull = draft.competitors.length >= MAX_COMPETITORS;
  return (
    <Paper withBorder radius="md" p="md" data-testid="competitors-editor">
      <Group justify="space-between" gap="xs" mb={4}>
        <Title order={4}>{t('canvas.competitorsTitle', { count: draft.competitors.length, max: MAX_COMPETITORS })}</Title>
        {canWrite ? (
          <Button size="xs" variant="light" leftSection={<PlusIcon size={14} />} onClick={() => update(addCompetitor)} disabled={isFull}>
            {t('canvas.addCompetitor')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {isFull ? t('canvas.competitorsFull', { max: MAX_COMPETITORS }) : t('canvas.competitorsHint')}
      </Text>
      <Stack gap="xs">
        {draft.competitors.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('canvas.noCompetitors')}
          </Text>
        ) : null}
        {draft.competitors.map((competitor, index) => (
          <Group key={competitor.key} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              aria-label={t('canvas.competitorName', { n: index + 1 })}
              placeholder={t('canvas.competitorPlaceholder')}
              value={competitor.name}
              readOnly={!canWrite}
              variant={canWrite ? 'default' : 'filled'}
              autoFocus={!competitor.id && competitor.name === ''}
              onChange={(event) => {
                const name = event.currentTarget.value;
                update((d) => renameCompetitor(d, competitor.key, name));
                clearError(`${competitor.key}.name`);
              }}
              error={errorOf(`${competitor.key}.name`)}
              style={{ flex: 1 }}
            />
            {canWrite ? (
              <Tooltip label={t('canvas.removeCompetitor')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
                  aria-label={t('canvas.removeCompetitorNamed', { name: competitor.name || index + 1 })}
                  onClick={() => update((d) => removeCompetitor(d, competitor.key))}
                >
                  <TrashIcon size={16} />
                </ActionIcon>
              </Tooltip>
            ) : null}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
