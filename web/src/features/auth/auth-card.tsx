import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../shared/layout/language-switcher';
import { LogoMark } from '../../shared/ui/icons';

/** The frame of the pages seen before signing in: the product's name, a card, the language switch. */
export function AuthCard({
  title,
  subtitle,
  width = 420,
  children,
}: {
  title: string;
  subtitle: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={width} gap="md">
        <Group justify="space-between">
          <Group gap="xs">
            <LogoMark />
            <Text fw={700}>{t('app.name')}</Text>
          </Group>
          <LanguageSwitcher />
        </Group>
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
          <Title order={1} size="h2" mb={4}>
            {title}
          </Title>
          <Text c="dimmed" size="sm" mb="lg">
            {subtitle}
          </Text>
          {children}
        </Paper>
        <Text c="dimmed" size="xs" ta="center">
          {t('app.tagline')}
        </Text>
      </Stack>
    </Center>
  );
}
