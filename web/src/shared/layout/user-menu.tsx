import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifyError } from '../api/error-messages';
import { useSession } from '../session/session-context';
import { KeyIcon, LogoutIcon } from '../ui/icons';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        {/* Named by hidden text, not aria-label: the visible initials are not part of the name, and a label that omits
            what is shown trips speech input (WCAG 2.5.3). */}
        <UnstyledButton data-testid="user-menu">
          <Avatar color="blue" radius="xl" size={32} aria-hidden="true">
            {initialsOf(me.user.name)}
          </Avatar>
          <VisuallyHidden>{t('header.userMenu', { name: me.user.name })}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.signedInAs')}</Menu.Label>
        <Text size="sm" px="sm" fw={600}>
          {me.user.name}
        </Text>
        <Text size="xs" px="sm" pb="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {me.user.email}
        </Text>
        <Menu.Divider />
        <Menu.Item leftSection={<KeyIcon size={16} />} component={Link} to="/security">
          {t('security.menu')}
        </Menu.Item>
        <Menu.Item
          leftSection={<LogoutIcon size={16} />}
          onClick={() =>
            signOut()
              .then(() => navigate('/sign-in', { replace: true }))
              .catch(notifyError)
          }
        >
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
