import { AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { NotificationBell } from '../../features/notifications/notification-bell';
import { api } from '../api/client';
import type { FeatureNavEntry } from '../feature';
import { applyLocale } from '../i18n';
import { OrgContext, orgValueOf, rememberOrg } from '../session/org-context';
import { useSession } from '../session/session-context';
import { lastUsedOrganization } from '../session/start-org';
import { LogoMark } from '../ui/icons';
import { OverrideAsker } from '../ui/override-asker';
import { LanguageSwitcher } from './language-switcher';
import { NavLinks } from './nav-links';
import { NoSuchOrganization } from './no-such-organization';
import { OrgSwitcher } from './org-switcher';
import { UserMenu } from './user-menu';

/** The organization last recorded as this person's on the server from this tab (one write per switch). */
let recorded: { userId: string; slug: string | undefined } | undefined;

/** The staff app around one organization: header (organization, language, person) and the module navigation. */
export function OrgLayout({ nav }: { nav: readonly FeatureNavEntry[] }) {
  const { t } = useTranslation();
  const { org: slug = '' } = useParams();
  const { me } = useSession();
  const location = useLocation();
  const [isNavOpen, navbar] = useDisclosure(false);
  const org = me?.organizations.find((item) => item.slug === slug);
  const value = useMemo(() => (org ? orgValueOf(org) : null), [org]);
  const userLocale = me?.user.locale ?? null;

  // The account remembers where its person last worked, so the next sign-in on any browser lands here.
  const userId = me?.user.id;
  const lastUsed = me ? lastUsedOrganization(me.organizations)?.slug : undefined;
  useEffect(() => {
    if (!org || !userId) return;
    if (recorded?.userId !== userId) recorded = { userId, slug: lastUsed };
    if (recorded.slug === org.slug) return;
    recorded = { userId, slug: org.slug };
    api.patch('/api/v1/auth/me', { lastOrg: org.slug }).catch(() => undefined);
  }, [org, userId, lastUsed]);

  useEffect(() => {
    if (!org) return;
    rememberOrg(org.slug);
    // The person's own choice wins; without one the interface speaks the organization's language.
    applyLocale(userLocale ?? org.locale);
  }, [org, userLocale]);

  useEffect(() => {
    if (org) document.title = `${org.name} · ${t('app.name')}`;
  }, [org, t]);

  if (!value || !org) return <NoSuchOrganization slug={slug} />;
  const section = location.pathname.split('/')[3] ?? 'teams';

  return (
    <OrgContext.Provider value={value}>
      <OverrideAsker />
      <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger opened={isNavOpen} onClick={navbar.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
              <Link to={`/o/${org.slug}/teams`} aria-label={t('app.home')} style={{ display: 'flex' }}>
                <LogoMark />
              </Link>
              <Text fw={700} visibleFrom="md">
                {t('app.name')}
              </Text>
              <Text c="dimmed" visibleFrom="md" aria-hidden="true">
                /
              </Text>
              <OrgSwitcher section={section} />
            </Group>
            <Group gap="sm" wrap="nowrap">
              <NotificationBell />
              <LanguageSwitcher />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
          <AppShell.Section grow component={ScrollArea}>
            <NavLinks nav={nav} onNavigate={navbar.close} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main bg="var(--mantine-color-gray-0)">
          <div style={{ maxWidth: 1200, margin: '0 auto' }}>
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </OrgContext.Provider>
  );
}
