import { ActionIcon, Badge, Button, Group, Select, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import type { Membership, Role } from '../../shared/api/types';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { useSession } from '../../shared/session/session-context';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { type Column, DataList } from '../../shared/ui/data-list';
import { PlusIcon, TrashIcon } from '../../shared/ui/icons';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { AddPersonModal } from './add-person-modal';
import { membershipsApi } from './memberships.api';
import { roleOptions } from './role-options';

const ROLE_COLORS: Record<Role, string> = { admin: 'red', council: 'grape', member: 'blue', viewer: 'gray' };

export function MembershipsPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const { me, refresh } = useSession();
  const format = useFormat();
  const [isAddOpen, addModal] = useDisclosure(false);
  const [toRemove, setToRemove] = useState<Membership | null>(null);
  const list = usePagedList((cursor) => membershipsApi.list(org.slug, cursor), org.slug);
  const canWrite = can('members:write');

  const changeRole = async (person: Membership, role: Role) => {
    try {
      const updated = await membershipsApi.changeRole(org.slug, person.id, role);
      list.setItems((items) => items.map((item) => (item.id === updated.id ? updated : item)));
      notifySuccess(t('memberships.roleChanged', { name: person.name, role: t(`roles.${role}`) }));
      if (person.userId === me?.user.id) await refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  const remove = async (person: Membership) => {
    try {
      await membershipsApi.remove(org.slug, person.id);
      list.setItems((items) => items.filter((item) => item.id !== person.id));
      notifySuccess(t('memberships.removed', { name: person.name }));
      if (person.userId === me?.user.id) await refresh();
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const addButton = canWrite ? (
    <Button leftSection={<PlusIcon size={16} />} onClick={addModal.open}>
      {t('memberships.add')}
    </Button>
  ) : null;

  const columns: Column<Membership>[] = [
    {
      key: 'name',
      header: t('memberships.name'),
      isPrimary: true,
      render: (person) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {person.name}
          </Text>
          {person.userId === me?.user.id ? (
            <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
              {t('memberships.you')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      key: 'email',
      header: t('memberships.email'),
      render: (person) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {person.email}
        </Text>
      ),
    },
    {
      key: 'role',
      header: t('memberships.role'),
      render: (person) =>
        canWrite ? (
          <Select
            aria-label={t('memberships.roleOf', { name: person.name })}
            data={roleOptions(t)}
            value={person.role}
            onChange={(value) => value && value !== person.role && changeRole(person, value as Role)}
            allowDeselect={false}
            size="xs"
            maw={220}
          />
        ) : (
          <Badge variant="light" color={ROLE_COLORS[person.role]}>
            {t(`roles.${person.role}`)}
          </Badge>
        ),
    },
    { key: 'since', header: t('memberships.since'), render: (person) => format.date(person.createdAt) },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      width: 60,
      render: (person) => (
        <Tooltip label={t('memberships.remove')}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('memberships.removeNamed', { name: person.name })}
            onClick={() => setToRemove(person)}
          >
            <TrashIcon size={16} />
          </ActionIcon>
        </Tooltip>
      ),
    });
  }

  return (
    <>
      <PageHeader title={t('memberships.title')} description={t('memberships.description')} actions={addButton} />
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('memberships.emptyTitle')} hint={t('memberships.emptyHint')} action={addButton} />
      ) : (
        <DataList items={list.items} columns={columns} rowKey={(person) => person.id} testId="people-table" minWidth={720} />
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <AddPersonModal
        opened={isAddOpen}
        onClose={addModal.close}
        onAdded={(membership) => {
          list.setItems((items) => [...items, membership]);
          notifySuccess(t('memberships.added', { name: membership.name }));
        }}
      />
      <ConfirmDialog
        opened={toRemove !== null}
        onClose={() => setToRemove(null)}
        title={t('memberships.remove')}
        message={
          toRemove?.userId === me?.user.id
            ? t('memberships.removeSelfConfirm', { org: org.name })
            : t('memberships.removeConfirm', { name: toRemove?.name ?? '', org: org.name })
        }
        confirmLabel={t('common.remove')}
        onConfirm={() => (toRemove ? remove(toRemove) : Promise.resolve())}
      />
    </>
  );
}
