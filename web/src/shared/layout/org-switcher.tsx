import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOrg } from '../session/org-context';
import { useSession } from '../session/session-context';
import { SelectorIcon } from '../ui/icons';

/** The organizations the person belongs to; choosing one opens the same section there. */
export function OrgSwitcher({ section }: { section: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { org } = useOrg();
  const navigate = useNavigate();
  const organizations = me?.organizations ?? [];
  return (
    <Menu position="bottom-start" width={300} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          rightSection={<SelectorIcon size={14} />}
          aria-label={t('header.switchOrganization', { org: org.name })}
          data-testid="org-switcher"
          px="xs"
          styles={{ label: { maxWidth: 'min(40vw, 320px)', overflow: 'hidden', textOverflow: 'ellipsis' } }}
        >
          {org.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.organizations')}</Menu.Label>
        {organizations.map((item) => (
          <Menu.Item
            key={item.slug}
            onClick={() => navigate(`/o/${item.slug}/${section}`)}
            color={item.slug === org.slug ? 'blue' : undefined}
            aria-current={item.slug === org.slug ? 'true' : undefined}
          >
            <Text size="sm" fw={item.slug === org.slug ? 600 : 400}>
              {item.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${item.role}`)} · {t(`orgKinds.${item.kind}`)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
