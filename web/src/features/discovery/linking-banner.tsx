import { Button, Group, Paper, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from './workspace-context';

/** While a reliever or creator is selected: what clicking does now, and the way out (or Esc). */
export function LinkingBanner() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  useHotkeys([['Escape', () => ws.setLinkingId(null)]]);
  if (!ws.linking) return null;
  const isReliever = ws.linking.kind === 'reliever';
  return (
    <Paper
      withBorder
      shadow="md"
      radius="md"
      px="md"
      py="sm"
      bg="blue.0"
      style={{ borderColor: 'var(--mantine-color-blue-4)' }}
      data-testid="linking-banner"
      role="status"
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" style={{ flex: '1 1 300px' }}>
          {t(isReliever ? 'workspace.linkingPains' : 'workspace.linkingGains', { name: ws.linking.name })}
        </Text>
        <Button size="xs" onClick={() => ws.setLinkingId(null)}>
          {t('workspace.linkDone')}
        </Button>
      </Group>
    </Paper>
  );
}
