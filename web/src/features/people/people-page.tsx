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
import { peopleApi } from './people.api';
import { roleOptions } from './role-options';

const ROLE_COLORS: Record<Role, string> = { admin: 'red', council: 'grape', member: 'blue', viewer: 'gray' };

export function PeoplePage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const { me, refresh } = useSession();
  const format = useFormat();
  const [isAddOpen, addModal] = useDisclosure(false);
  const [toRemove, setToRemove] = useState<Membership | null>(null);
  const list = usePagedList((cursor) => peopleApi.list(org.slug, cursor), org.slug);
  const canWrite = can('members:write');

  const changeRole = async (person: Membership, role: Role) => {
    try {
      const updated = await peopleApi.changeRole(org.slug, person.id, role);
      list.setItems((items) => items.map((item) => (item.id === updated.id ? updated : item)));
      notifySuccess(t('people.roleChanged', { name: person.name, role: t(`roles.${role}`) }));
      if (person.userId === me?.user.id) await refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  const remove = async (person: Membership) => {
    try {
      await peopleApi.remove(org.slug, person.id);
      list.setItems((items) => items.filter((item) => item.id !== person.id));
      notifySuccess(t('people.removed', { name: person.name }));
      if (person.userId === me?.user.id) await refresh();
    } catch (error) {
      notifyError(error);
      throw error;
    }
  };

  const addButton = canWrite ? (
    <Button leftSection={<PlusIcon size={16} />} onClick={addModal.open}>
      {t('people.add')}
    </Button>
  ) : null;

  const columns: Column<Membership>[] = [
    {
      key: 'name',
      header: t('people.name'),
      isPrimary: true,
      render: (person) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {person.name}
          </Text>
          {person.userId === me?.user.id ? (
            <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
              {t('people.you')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      key: 'email',
      header: t('people.email'),
      render: (person) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {person.email}
        </Text>
      ),
    },
    {
      key: 'role',
      header: t('people.role'),
      render: (person) =>
        canWrite ? (
          <Select
            aria-label={t('people.roleOf', { name: person.name })}
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
    { key: 'since', header: t('people.since'), render: (person) => format.date(person.createdAt) },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      isActions: true,
      width: 60,
      render: (person) => (
        <Tooltip label={t('people.remove')}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('people.removeNamed', { name: person.name })}
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
      <PageHeader title={t('people.title')} description={t('people.description')} actions={addButton} />
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('people.emptyTitle')} hint={t('people.emptyHint')} action={addButton} />
      ) : (
        <DataList items={list.items} columns={columns} rowKey={(person) => person.id} testId="people-table" minWidth={720} />
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <AddPersonModal
        opened={isAddOpen}
        onClose={addModal.close}
        onAdded={(membership) => {
          list.setItems((items) => [...items, membership]);
          notifySuccess(t('people.added', { name: membership.name }));
        }}
      />
      <ConfirmDialog
        opened={toRemove !== null}
        onClose={() => setToRemove(null)}
        title={t('people.remove')}
        message={
          toRemove?.userId === me?.user.id
            ? t('people.removeSelfConfirm', { org: org.name })
            : t('people.removeConfirm', { name: toRemove?.name ?? '', org: org.name })
        }
        confirmLabel={t('common.remove')}
        onConfirm={() => (toRemove ? remove(toRemove) : Promise.resolve())}
      />
    </>
  );
}
