import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { notifyError } from '../../shared/api/error-messages';
import { useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { BellIcon } from '../../shared/ui/icons';
import { periodInSentence } from '../economics/economics-format';
import { notificationText } from './notification-text';
import { type AppNotification, linkOf, notificationsApi } from './notifications.api';

const POLL_MS = 30_000;
const LIST_LIMIT = 20;

/** The header bell: how many notifications are unread, and the latest ones in a popover. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const location = useLocation();
  const navigate = useNavigate();
  const governanceFormat = useGovernanceFormat();
  const format = { ...governanceFormat, month: (period: string) => periodInSentence(period, i18n.language) };
  const [unread, setUnread] = useState(0);
  const [isOpen, setOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [isLoading, setLoading] = useState(false);
  const slugRef = useRef(org.slug);
  slugRef.current = org.slug;

  const refreshCount = useCallback(async () => {
    const slug = slugRef.current;
    try {
      const { unread: count } = await notificationsApi.unreadCount(slug);
      if (slug === slugRef.current) setUnread(count);
    } catch {
      // a missed poll is not worth a message: the next one tries again
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read the count again after every navigation and on another organization
  useEffect(() => {
    void refreshCount();
  }, [refreshCount, location.pathname, location.search, org.slug]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') void refreshCount();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [refreshCount]);

  const loadList = useCallback(async () => {
    setLoading(true);
    try {
      const page = await notificationsApi.list(org.slug, { limit: LIST_LIMIT });
      setItems(page.items);
      void refreshCount();
    } catch (error) {
      notifyError(error);
    } finally {
      setLoading(false);
    }
  }, [org.slug, refreshCount]);

  const toggle = () => {
    const next = !isOpen;
    setOpen(next);
    if (next) void loadList();
  };

  const open = async (notification: AppNotification) => {
    setOpen(false);
    if (notification.readAt === null) {
      setItems(
        (current) => current?.map((item) => (item.id === notification.id ? { ...item, readAt: new Date().toISOString() } : item)) ?? null,
      );
      setUnread((count) => Math.max(0, count - 1));
      notificationsApi.markRead(org.slug, [notification.id]).catch(notifyError);
    }
    const to = linkOf(org.slug, notification);
    if (to) void navigate(to); // the app has no route loaders: nothing to wait for
  };

  const markAll = async () => {
    try {
      await notificationsApi.markAllRead(org.slug);
      setItems((current) => current?.map((item) => (item.readAt === null ? { ...item, readAt: new Date().toISOString() } : item)) ?? null);
      setUnread(0);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Popover opened={isOpen} onChange={setOpen} position="bottom-end" width={380} shadow="md" withArrow>
      {/* The target is the button itself: the popover's aria-expanded is not allowed on the indicator's div. */}
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={18}
        color="red"
        offset={4}
        disabled={unread === 0}
        data-testid="unread-count"
        data-count={unread}
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
            data-testid="notification-bell"
          >
            <BellIcon size={20} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} data-testid="notifications-popover">
        <Group justify="space-between" px="md" py="xs">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button variant="subtle" size="compact-xs" onClick={() => void markAll()} disabled={unread === 0}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420}>
          {isLoading && !items ? (
            <Text size="sm" c="dimmed" p="md">
              {t('common.loading')}
            </Text>
          ) : !items || items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              {t('notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {items.map((notification) => (
                <UnstyledButton
                  key={notification.id}
                  onClick={() => void open(notification)}
                  px="md"
                  py="sm"
                  data-testid="notification-item"
                  data-unread={notification.readAt === null}
                  style={{
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    background: notification.readAt === null ? 'var(--mantine-color-blue-0)' : undefined,
                  }}
                >
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <span
                      aria-hidden="true"
                      style={{
                        width: 8,
                        height: 8,
                        marginTop: 6,
                        borderRadius: 4,
                        flexShrink: 0,
                        background: notification.readAt === null ? 'var(--mantine-color-blue-6)' : 'transparent',
                      }}
                    />
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={notification.readAt === null ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
                        {notificationText(t, notification, format)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {format.dateTime(notification.createdAt)}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
