import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { PagedList } from '../../shared/api/use-paged-list';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { type Column, DataList } from '../../shared/ui/data-list';
import { ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { formatInstant } from './format-account';
import { type AccountSession, securityApi } from './security.api';

/** The person's sessions: when, where, which browser, this device marked; sign out one or all others. */
export function SessionsCard({ list }: { list: PagedList<AccountSession> }) {
  const { t, i18n } = useTranslation();
  const [toEnd, setToEnd] = useState<AccountSession | null>(null);
  const [isEndingOthers, setEndingOthers] = useState(false);
  const browserOf = (s: AccountSession) => s.browser ?? t('security.sessions.unknownBrowser');
  const ipOf = (s: AccountSession) => s.ip ?? t('security.sessions.unknownIp');
  const hasOthers = list.items.some((s) => !s.isCurrent);

  const end = async (session: AccountSession) => {
    try {
      await securityApi.endSession(session.id);
      list.setItems((items) => items.filter((item) => item.id !== session.id));
      notifySuccess(t('security.sessions.signedOut'));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const endOthers = async () => {
    try {
      const { endedSessions } = await securityApi.endOtherSessions();
      list.setItems((items) => items.filter((item) => item.isCurrent));
      notifySuccess(t('security.sessions.signedOutOthers', { count: endedSessions }));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const columns: Column<AccountSession>[] = [
    {
      key: 'browser',
      header: t('security.sessions.browser'),
      isPrimary: true,
      render: (s) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} title={s.userAgent ?? undefined}>
            {browserOf(s)}
          </Text>
          {s.isCurrent ? (
            <Badge color="teal" variant="light">
              {t('security.sessions.thisDevice')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { key: 'ip', header: t('security.sessions.ip'), render: (s) => ipOf(s) },
    { key: 'createdAt', header: t('security.sessions.createdAt'), render: (s) => formatInstant(s.createdAt, i18n.language) },
    { key: 'lastSeenAt', header: t('security.sessions.lastSeenAt'), render: (s) => formatInstant(s.lastSeenAt, i18n.language) },
    {
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      align: 'right',
      render: (s) =>
        s.isCurrent ? null : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setToEnd(s)}
            aria-label={t('security.sessions.signOutNamed', { browser: browserOf(s), ip: ipOf(s) })}
          >
            {t('security.sessions.signOut')}
          </Button>
        ),
    },
  ];

  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" align="flex-start" mb="md" gap="md">
        <Stack gap={4} style={{ flex: '1 1 320px' }}>
          <Title order={3} size="h4">
            {t('security.sessions.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('security.sessions.hint')}
          </Text>
        </Stack>
        <Button variant="default" color="red" disabled={!hasOthers} onClick={() => setEndingOthers(true)}>
          {t('security.sessions.signOutOthers')}
        </Button>
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <>
          <DataList items={list.items} columns={columns} rowKey={(s) => s.id} testId="sessions-table" minWidth={720} isEmbedded />
          {hasOthers ? null : (
            <Text c="dimmed" size="sm" mt="sm">
              {t('security.sessions.onlyThis')}
            </Text>
          )}
        </>
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <ConfirmDialog
        opened={toEnd !== null}
        onClose={() => setToEnd(null)}
        title={t('security.sessions.signOutTitle')}
        message={toEnd ? t('security.sessions.signOutConfirm', { browser: browserOf(toEnd), ip: ipOf(toEnd) }) : ''}
        confirmLabel={t('security.sessions.signOut')}
        onConfirm={() => (toEnd ? end(toEnd) : Promise.resolve())}
      />
      <ConfirmDialog
        opened={isEndingOthers}
        onClose={() => setEndingOthers(false)}
        title={t('security.sessions.signOutOthersTitle')}
        message={t('security.sessions.signOutOthersConfirm')}
        confirmLabel={t('security.sessions.signOutOthers')}
        onConfirm={endOthers}
      />
    </Paper>
  );
}
