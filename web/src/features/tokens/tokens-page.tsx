import { Badge, Button, Code, Group, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Token } from '../../shared/api/types';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { PlusIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { CreateTokenModal } from './create-token-modal';
import { tokensApi } from './tokens.api';

export function TokensPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const format = useFormat();
  const [isCreateOpen, createModal] = useDisclosure(false);
  const [toRevoke, setToRevoke] = useState<Token | null>(null);
  const canManage = can('tokens:manage');
  const list = usePagedList((cursor) => tokensApi.list(org.slug, cursor), [org.slug]);

  if (!canManage) return <EmptyState title={t('tokens.adminOnly')} />;

  const revoke = async (token: Token) => {
    try {
      const revoked = await tokensApi.revoke(org.slug, token.id);
      list.setItems((items) => items.map((item) => (item.id === revoked.id ? revoked : item)));
      notifySuccess(t('tokens.revokedNotice', { name: token.name }));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const createButton = (
    <Button leftSection={<PlusIcon size={16} />} onClick={createModal.open}>
      {t('tokens.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} actions={createButton} />
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('tokens.emptyTitle')} hint={t('tokens.emptyHint')} action={createButton} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.prefix')}</Table.Th>
                  <Table.Th>{t('tokens.scopes')}</Table.Th>
                  <Table.Th>{t('tokens.createdAt')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('tokens.state')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((token) => (
                  <Table.Tr key={token.id} c={token.revokedAt ? 'dimmed' : undefined}>
                    <Table.Td fw={500}>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Group gap={4}>
                        {(token.scopes.length === 10 ? ['all'] : token.scopes).map((scope) => (
                          <Badge key={scope} size="xs" variant="outline" color="gray" tt="none">
                            {scope}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : <Text c="dimmed">{t('tokens.neverUsed')}</Text>}</Table.Td>
                    <Table.Td>
                      {token.revokedAt ? (
                        <Badge color="red" variant="light">
                          {t('tokens.revokedAt', { date: format.date(token.revokedAt) })}
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light">
                          {t('tokens.active')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {token.revokedAt ? null : (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setToRevoke(token)}>
                          {t('common.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <CreateTokenModal opened={isCreateOpen} onClose={createModal.close} onCreated={(token) => list.setItems((items) => [...items, token])} />
      <ConfirmDialog
        opened={toRevoke !== null}
        onClose={() => setToRevoke(null)}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeConfirm', { name: toRevoke?.name ?? '' })}
        confirmLabel={t('common.revoke')}
        onConfirm={() => (toRevoke ? revoke(toRevoke) : Promise.resolve())}
      />
    </>
  );
}
