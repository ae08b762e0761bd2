import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrcAction } from '../../shared/api/types';
import { ERRC_BOXES, ERRC_COLORS } from './discovery-options';

export interface ErrcEntry {
  key: string;
  name: string;
  action: ErrcAction;
}

/**
 * The Eliminate–Reduce–Raise–Create grid, never typed: each factor lands in a box by its curves.
 * `isPreview` says the grid is the client's reading of unsaved levels (the same rule as the server's).
 */
export function ErrcGrid({ entries, isPreview }: { entries: ErrcEntry[]; isPreview: boolean }) {
  const { t } = useTranslation();
  const unchanged = entries.filter((entry) => entry.action === 'unchanged');
  return (
    <Paper withBorder radius="md" p="md" data-testid="errc-grid">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={4}>{t('canvas.errcTitle')}</Title>
        {isPreview ? (
          <Badge variant="light" color="gray">
            {t('canvas.errcPreview')}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {ERRC_BOXES.map((action) => {
          const names = entries.filter((entry) => entry.action === action);
          return (
            <Paper
              key={action}
              radius="md"
              p="sm"
              bg={`${ERRC_COLORS[action]}.0`}
              style={{ borderTop: `3px solid var(--mantine-color-${ERRC_COLORS[action]}-6)` }}
              data-testid={`errc-${action}`}
            >
              <Text fw={700} c={`${ERRC_COLORS[action]}.9`}>
                {t(`canvas.errc.${action}`)}
              </Text>
              <Text size="xs" c="dimmed" mb={6}>
                {t(`canvas.errcHints.${action}`)}
              </Text>
              <Stack gap={4}>
                {names.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ) : (
                  names.map((entry) => (
                    <Text key={entry.key} size="sm" fw={500} data-testid="errc-item">
                      {entry.name}
                    </Text>
                  ))
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      {unchanged.length > 0 ? (
        <Text size="xs" c="dimmed" mt="sm">
          {t('canvas.errc.unchanged')}: {unchanged.map((entry) => entry.name).join(', ')}. {t('canvas.errcHints.unchanged')}
        </Text>
      ) : null}
    </Paper>
  );
}
