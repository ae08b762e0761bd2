import { Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PlusIcon } from '../../shared/ui/icons';

interface WorkspaceSectionProps {
  title: string;
  count: number;
  /** One sentence of the method, shown while the section is empty. */
  emptyHint: string;
  addLabel?: string;
  onAdd?: () => void;
  children: ReactNode;
  testId?: string;
}

/** One block of the canvas (jobs, pains, gains, products, relievers, creators). */
export function WorkspaceSection({ title, count, emptyHint, addLabel, onAdd, children, testId }: WorkspaceSectionProps) {
  return (
    <Stack gap="xs" data-testid={testId} style={{ scrollMarginTop: 160 }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={5}>{title}</Title>
          <Badge variant="light" color="gray" size="sm" circle={count < 10}>
            {count}
          </Badge>
        </Group>
        {onAdd && addLabel ? (
          <Button size="compact-sm" variant="subtle" leftSection={<PlusIcon size={14} />} onClick={onAdd}>
            {addLabel}
          </Button>
        ) : null}
      </Group>
      {count === 0 ? (
        <Box p="sm" style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-md)' }}>
          <Text size="sm" c="dimmed">
            {emptyHint}
          </Text>
        </Box>
      ) : (
        <Stack gap="xs">{children}</Stack>
      )}
    </Stack>
  );
}
