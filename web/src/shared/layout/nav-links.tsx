import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import type { FeatureNavEntry } from '../feature';
import { useOrg } from '../session/org-context';

/** The organization's side menu: the entries its features declare (web/src/features/registry.ts) that the person may see. */
export function NavLinks({ nav, onNavigate }: { nav: readonly FeatureNavEntry[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const location = useLocation();
  return (
    <Stack gap={4} justify="space-between" h="100%">
      <div>
        {nav
          .filter((section) => can(section.permission))
          .map((section) => {
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
