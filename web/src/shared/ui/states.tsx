import { Alert, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOfError } from '../api/error-messages';

/** What an empty list says: what is missing and what to do next. */
export function EmptyState({ title, hint, action }: { title: ReactNode; hint?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="empty-state">
      <Stack align="center" gap="xs" ta="center">
        <Text fw={600}>{title}</Text>
        {hint ? (
          <Text c="dimmed" size="sm" maw={520}>
            {hint}
          </Text>
        ) : null}
        {action ? <Group mt="sm">{action}</Group> : null}
      </Stack>
    </Paper>
  );
}

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Center py="xl" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {t('common.loading')}
        </Text>
      </Group>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={messageOfError(error)} role="alert">
      {onRetry ? (
        <Button variant="light" color="red" size="xs" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

/** "Load more" under a list, shown only while the server says a next page exists. */
export function LoadMore({ hasMore, isLoading, onLoadMore }: { hasMore: boolean; isLoading: boolean; onLoadMore: () => void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" loading={isLoading} onClick={onLoadMore}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}
