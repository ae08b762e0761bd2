import { Anchor, AppShell, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePagedList } from '../../shared/api/use-paged-list';
import { applyLocale } from '../../shared/i18n';
import { LanguageSwitcher } from '../../shared/layout/language-switcher';
import { UserMenu } from '../../shared/layout/user-menu';
import { lastOrg } from '../../shared/session/org-context';
import { useSession } from '../../shared/session/session-context';
import { LogoMark } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { ChangePasswordCard } from './change-password-card';
import { securityApi } from './security.api';
import { SessionsCard } from './sessions-card';

/**
 * The person's own security, outside any organization (an account is not one organization's): the
 * password and the sessions. Reached from the account menu; the way back is the organization used last.
 */
export function SecurityPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const sessions = usePagedList((cursor) => securityApi.sessions(cursor), 'sessions');
  const remembered = lastOrg();
  const backTo = me?.organizations.find((org) => org.slug === remembered) ?? me?.organizations[0];

  const locale = me?.user.locale ?? backTo?.locale ?? null;
  // As inside an organization: the person's own language, else that of the organization they come back to.
  useEffect(() => {
    if (locale) applyLocale(locale);
  }, [locale]);

  useEffect(() => {
    document.title = `${t('security.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Link to="/" aria-label={t('app.home')} style={{ display: 'flex' }}>
              <LogoMark />
            </Link>
            <Text fw={700} visibleFrom="xs">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Stack maw={1000} mx="auto" gap="lg">
          <Anchor component={Link} to={backTo ? `/o/${backTo.slug}/teams` : '/'} size="sm">
            ← {backTo ? t('security.back', { org: backTo.name }) : t('security.backToStart')}
          </Anchor>
          <PageHeader title={t('security.title')} description={t('security.description')} mb={0} />
          <ChangePasswordCard onChanged={() => void sessions.reload()} />
          <SessionsCard list={sessions} />
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
