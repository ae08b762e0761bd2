import { Group, type MantineSpacing, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** One line saying what the page is for. */
  description: ReactNode;
  actions?: ReactNode;
  badge?: ReactNode;
  mb?: MantineSpacing | number;
}

/** The top of every page: a title, what the page is for, and its main actions. */
export function PageHeader({ title, description, actions, badge, mb = 'lg' }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" mb={mb} gap="md" wrap="wrap">
      <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {badge}
        </Group>
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      </Stack>
      {actions ? (
        <Group gap="sm" wrap="wrap">
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}
