import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { initialLocale } from '../../shared/i18n';
import { lastOrg } from '../../shared/session/org-context';
import { useSession } from '../../shared/session/session-context';
import { startOrganization } from '../../shared/session/start-org';

export function FullPageLoader() {
  return (
    <Center mih="100vh">
      <Loader />
    </Center>
  );
}

function Offline() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md">
      <Alert color="red" title={t('errors.codes.network')} maw={480}>
        <Stack gap="sm">
          <Text size="sm">{t('errors.offlineHint')}</Text>
          <Button variant="light" color="red" onClick={() => window.location.reload()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}

/** Pages inside need a signed-in person; otherwise the sign-in page, coming back here afterwards. */
export function RequireSession() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoader />;
  if (status === 'offline') return <Offline />;
  if (status === 'setup') return <Navigate to="/setup" replace />;
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** `/app/` opens the organization used last, else the first one in the person's language (startOrganization). */
export function StartRedirect() {
  const { t } = useTranslation();
  const { me } = useSession();
  const target = startOrganization(me?.organizations ?? [], lastOrg(), me?.user.locale ?? initialLocale());
  if (!target) {
    return (
      <Center mih="100vh" p="md">
        <Alert title={t('start.noOrganizations')} maw={480}>
          {t('start.noOrganizationsHint')}
        </Alert>
      </Center>
    );
  }
  return <Navigate to={`/o/${target.slug}/teams`} replace />;
}
