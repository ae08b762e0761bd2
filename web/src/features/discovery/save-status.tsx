import { Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './use-canvas-autosave';

const COLORS: Record<SaveStatus, string> = {
  readOnly: 'dimmed',
  saved: 'teal.8',
  pending: 'dimmed',
  saving: 'dimmed',
  blank: 'orange.8',
  invalid: 'red.7',
  failed: 'red.7',
};

/** Where the edits are: saved, about to be, or held back and why. */
export function SaveStatusLine({ status, onSaveNow }: { status: SaveStatus; onSaveNow: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" aria-live="polite" data-testid="save-status" data-status={status}>
      {status === 'saving' ? <Loader size={14} /> : null}
      <Text size="sm" c={COLORS[status]} fw={500}>
        {t(`canvas.status.${status}`)}
      </Text>
      {status === 'failed' || status === 'pending' ? (
        <Button size="compact-xs" variant="light" onClick={onSaveNow}>
          {t('canvas.saveNow')}
        </Button>
      ) : null}
    </Group>
  );
}
