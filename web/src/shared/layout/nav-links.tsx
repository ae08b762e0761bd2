import { Badge, NavLink, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { EconomicsIcon } from '../../features/economics/economics-icon';
import type { Permission } from '../api/types';
import { tk } from '../i18n';
import { useOrg } from '../session/org-context';
import {
  CanvasIcon,
  ClientsIcon,
  HistoryIcon,
  KeyIcon,
  NeedsIcon,
  PeopleIcon,
  PromiseIcon,
  ReviewIcon,
  RightsFlowIcon,
  SettingsIcon,
  TeamsIcon,
} from '../ui/icons';

interface Section {
  path: string;
  label: string;
  icon: ReactNode;
  /** The permission needed to see the section at all. */
  permission: Permission;
}

/** The modules that exist; a module appears here when it is built. */
export const SECTIONS: Section[] = [
  { path: 'teams', label: tk('nav.teams'), icon: <TeamsIcon />, permission: 'teams:read' },
  { path: 'rights', label: tk('governance.nav.rights'), icon: <RightsFlowIcon />, permission: 'governance:read' },
  { path: 'people', label: tk('nav.people'), icon: <PeopleIcon />, permission: 'members:read' },
  { path: 'clients', label: tk('nav.clients'), icon: <ClientsIcon />, permission: 'clients:read' },
  { path: 'segments', label: tk('nav.segments'), icon: <NeedsIcon />, permission: 'discovery:read' },
  { path: 'canvases', label: tk('nav.canvases'), icon: <CanvasIcon />, permission: 'discovery:read' },
  { path: 'promises', label: tk('promises.nav'), icon: <PromiseIcon />, permission: 'promises:read' },
  { path: 'reviews', label: tk('reviews.nav'), icon: <ReviewIcon />, permission: 'governance:read' },
  { path: 'economics', label: tk('economics.nav'), icon: <EconomicsIcon />, permission: 'economics:read' },
  { path: 'voice', label: tk('voice.nav'), icon: <ClientsIcon />, permission: 'voice:read' },
  { path: 'tokens', label: tk('nav.tokens'), icon: <KeyIcon />, permission: 'tokens:manage' },
  { path: 'settings', label: tk('nav.settings'), icon: <SettingsIcon />, permission: 'org:read' },
  { path: 'audit', label: tk('nav.audit'), icon: <HistoryIcon />, permission: 'audit:read' },
];

export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const location = useLocation();
  return (
    <Stack gap={4} justify="space-between" h="100%">
      <div>
        {SECTIONS.filter((section) => can(section.permission)).map((section) => {
          const to = `/o/${org.slug}/${section.path}`;
          const active = location.pathname === to || location.pathname.startsWith(`${to}/`);
          return (
            <NavLink
              key={section.path}
              component={RouterLink}
              to={to}
              label={t(section.label)}
              leftSection={section.icon}
              active={active}
              onClick={onNavigate}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              mb={2}
            />
          );
        })}
      </div>
      <Stack gap={4} p="xs">
        <Text size="xs" c="dimmed">
          {t('nav.yourRole')}
        </Text>
        <Badge variant="light" color="gray" data-testid="current-role">
          {t(`roles.${org.role}`)}
        </Badge>
      </Stack>
    </Stack>
  );
}
