import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" radius="md" maw={520} mx="auto" mt="xl">
      <Stack>
        <Title order={1} size="h3">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.text')}</Text>
        <Button component={Link} to="/" variant="light">
          {t('notFound.toStart')}
        </Button>
      </Stack>
    </Paper>
  );
}
