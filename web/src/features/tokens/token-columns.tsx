import { Badge, Button, Code, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { PERMISSIONS } from '../../../../src/modules/permissions';
import type { Token } from '../../shared/api/types';
import type { Instant } from '../../shared/time';
import type { Column } from '../../shared/ui/data-list';

interface Format {
  dateTime: (at: Instant) => string;
  date: (at: Instant) => string;
}

/** The columns of the tokens list; the secret itself is never here. */
export function tokenColumns(t: TFunction, format: Format, onRevoke: (token: Token) => void): Column<Token>[] {
  return [
    {
      key: 'name',
      header: t('tokens.name'),
      isPrimary: true,
      render: (token) => (
        <Text size="sm" fw={600} c={token.revokedAt ? 'dimmed' : undefined}>
          {token.name}
        </Text>
      ),
    },
    { key: 'prefix', header: t('tokens.prefix'), render: (token) => <Code>{token.prefix}…</Code> },
    {
      key: 'scopes',
      header: t('tokens.scopes'),
      render: (token) => (
        <Group gap={4} maw={280}>
          {(token.scopes.length === PERMISSIONS.length ? ['all'] : token.scopes).map((scope) => (
            <Badge key={scope} size="xs" variant="outline" color="gray">
              {scope}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'createdAt', header: t('tokens.createdAt'), render: (token) => format.dateTime(token.createdAt) },
    {
      key: 'lastUsedAt',
      header: t('tokens.lastUsedAt'),
      render: (token) =>
        token.lastUsedAt ? (
          format.dateTime(token.lastUsedAt)
        ) : (
          <Text size="sm" c="dimmed">
            {t('tokens.neverUsed')}
          </Text>
        ),
    },
    {
      key: 'state',
      header: t('tokens.state'),
      render: (token) =>
        token.revokedAt ? (
          <Badge color="red" variant="light">
            {t('tokens.revokedAt', { date: format.date(token.revokedAt) })}
          </Badge>
        ) : (
          <Badge color="teal" variant="light">
            {t('tokens.active')}
          </Badge>
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      align: 'right',
      render: (token) =>
        token.revokedAt ? null : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => onRevoke(token)}
            aria-label={t('tokens.revokeNamed', { name: token.name })}
          >
            {t('common.revoke')}
          </Button>
        ),
    },
  ];
}
