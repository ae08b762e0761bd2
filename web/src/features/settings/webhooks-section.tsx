import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { type Column, DataList } from '../../shared/ui/data-list';
import { PlusIcon } from '../../shared/ui/icons';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { WebhookCreateModal } from './webhook-create-modal';
import { WebhookDeliveriesDrawer } from './webhook-deliveries-drawer';
import { WebhookSecretPanel } from './webhook-secret';
import { type CreatedWebhook, eventKey, type Webhook, webhooksApi } from './webhooks.api';

/**
 * The organization's webhook endpoints (admins only): register, pause, remove, read the delivery log,
 * send a test, rotate the signing secret (the new one shown once; the old one signs too for 24 hours).
 */
export function WebhooksSection() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const [isCreateOpen, createModal] = useDisclosure(false);
  const [shown, setShown] = useState<Webhook | null>(null);
  const [toRemove, setToRemove] = useState<Webhook | null>(null);
  const [toRotate, setToRotate] = useState<Webhook | null>(null);
  const [rotated, setRotated] = useState<CreatedWebhook | null>(null);
  const format = useFormat();
  const canManage = can('webhooks:manage');
  const list = usePagedList(
    (cursor) => (canManage ? webhooksApi.list(org.slug, cursor) : Promise.resolve({ items: [], nextCursor: null })),
    `${org.slug}|${canManage}`,
  );
  if (!canManage) return null;

  const replace = (updated: Webhook) => list.setItems((items) => items.map((item) => (item.id === updated.id ? updated : item)));
  const toggle = async (webhook: Webhook) => {
    try {
      replace(await webhooksApi.update(org.slug, webhook.id, { active: !webhook.active }));
    } catch (error) {
      notifyError(error);
    }
  };
  const remove = async (webhook: Webhook) => {
    try {
      await webhooksApi.remove(org.slug, webhook.id);
      list.setItems((items) => items.filter((item) => item.id !== webhook.id));
      notifySuccess(t('webhooks.removed'));
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const rotate = async (webhook: Webhook) => {
    try {
      const { secret, ...updated } = await webhooksApi.rotateSecret(org.slug, webhook.id);
      replace(updated);
      setRotated({ ...updated, secret });
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const columns: Column<Webhook>[] = [
    {
      key: 'url',
      header: t('webhooks.url'),
      isPrimary: true,
      render: (webhook) => (
        <Stack gap={2}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} c={webhook.active ? undefined : 'dimmed'}>
            {webhook.url}
          </Text>
          {webhook.description ? (
            <Text size="xs" c="dimmed">
              {webhook.description}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'events',
      header: t('webhooks.eventTypes'),
      render: (webhook) => (
        <Group gap={4} maw={320}>
          {webhook.eventTypes.map((type) => (
            <Badge key={type} size="xs" variant="outline" color="gray">
              {t(eventKey(type))}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'state',
      header: t('webhooks.state'),
      render: (webhook) => (
        <Stack gap={4} align="flex-start">
          <Badge color={webhook.active ? 'teal' : 'gray'} variant="light">
            {webhook.active ? t('webhooks.active') : t('webhooks.paused')}
          </Badge>
          {webhook.previousSecretExpiresAt !== null ? (
            <Text size="xs" c="dimmed">
              {t('webhooks.rotation.overlapUntil', { date: format.dateTime(webhook.previousSecretExpiresAt) })}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      align: 'right',
      render: (webhook) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => setShown(webhook)}>
            {t('webhooks.deliveries')}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => void toggle(webhook)}>
            {webhook.active ? t('webhooks.pause') : t('webhooks.resume')}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => setToRotate(webhook)}>
            {t('webhooks.rotation.action')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => setToRemove(webhook)}>
            {t('webhooks.remove')}
          </Button>
        </Group>
      ),
    },
  ];

  const createButton = (
    <Button leftSection={<PlusIcon size={16} />} onClick={createModal.open}>
      {t('webhooks.add')}
    </Button>
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} mt="lg" data-testid="webhooks-section">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={3}>{t('webhooks.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('webhooks.description')}
            </Text>
          </div>
          {list.items.length > 0 ? createButton : null}
        </Group>
        {list.isLoading ? (
          <LoadingState />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : list.items.length === 0 ? (
          <EmptyState title={t('webhooks.emptyTitle')} hint={t('webhooks.emptyHint')} action={createButton} />
        ) : (
          <DataList
            items={list.items}
            columns={columns}
            rowKey={(webhook) => webhook.id}
            testId="webhooks-table"
            minWidth={760}
            isEmbedded
          />
        )}
        <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      </Stack>
      <WebhookCreateModal
        opened={isCreateOpen}
        onClose={createModal.close}
        onCreated={({ secret: _secret, ...webhook }) => list.setItems((items) => [...items, webhook])}
      />
      <WebhookDeliveriesDrawer webhook={shown} onClose={() => setShown(null)} />
      <ConfirmDialog
        opened={toRemove !== null}
        onClose={() => setToRemove(null)}
        title={t('webhooks.removeTitle')}
        message={t('webhooks.removeConfirm', { url: toRemove?.url ?? '' })}
        confirmLabel={t('webhooks.remove')}
        onConfirm={() => (toRemove ? remove(toRemove) : Promise.resolve())}
      />
      <ConfirmDialog
        opened={toRotate !== null}
        onClose={() => setToRotate(null)}
        title={t('webhooks.rotation.confirmTitle')}
        message={t('webhooks.rotation.confirm', { url: toRotate?.url ?? '' })}
        confirmLabel={t('webhooks.rotation.action')}
        onConfirm={() => (toRotate ? rotate(toRotate) : Promise.resolve())}
      />
      <Modal
        opened={rotated !== null}
        onClose={() => setRotated(null)}
        title={t('webhooks.rotation.doneTitle')}
        size="lg"
        closeOnClickOutside={false}
      >
        {rotated ? (
          <WebhookSecretPanel
            secret={rotated.secret}
            onDone={() => setRotated(null)}
            notice={
              <Alert color="blue" variant="light">
                {t('webhooks.rotation.overlap', {
                  date: rotated.previousSecretExpiresAt ? format.dateTime(rotated.previousSecretExpiresAt) : '',
                })}
              </Alert>
            }
          />
        ) : null}
      </Modal>
    </Paper>
  );
}
