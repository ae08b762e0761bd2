import { Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { loadAllPages } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useMutationForm } from '../../shared/use-mutation-form';
import { promisesApi, type RedressItem } from './promises.api';

type Filter = 'owed' | 'given';

/** Redress owed to clients for whom the promise was broken, and given: staff mark each one given, with how. */
export function PromiseRedress({ promiseId, refreshKey }: { promiseId: string; refreshKey: number }) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const format = useGovernanceFormat();
  const [filter, setFilter] = useState<Filter>('owed');
  const [giving, setGiving] = useState<RedressItem | null>(null);
  const items = useResource(
    () => loadAllPages((cursor) => promisesApi.redress(org.slug, { promiseId, cursor })),
    `${org.slug}|${promiseId}|${refreshKey}`,
  );
  const all = items.data ?? [];
  const owed = all.filter((item) => item.givenAt === null);
  const givenMs = (item: RedressItem) => (item.givenAt === null ? 0 : Date.parse(item.givenAt));
  const given = all.filter((item) => item.givenAt !== null).sort((a, b) => givenMs(b) - givenMs(a));
  const shown = filter === 'owed' ? owed : given;
  const canWrite = can('promises:write');

  const give = async (item: RedressItem, note: string) => {
    const updated = await promisesApi.giveRedress(org.slug, item.id, note);
    items.setData((current) => current?.map((entry) => (entry.id === updated.id ? updated : entry)));
    notifySuccess(t('promises.redress.givenToast', { client: item.clientName }));
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="promise-redress">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3}>{t('promises.redress.title')}</Title>
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            data={[
              { value: 'owed', label: t('promises.redress.owedCount', { n: owed.length }) },
              { value: 'given', label: t('promises.redress.givenCount', { n: given.length }) },
            ]}
            aria-label={t('promises.redress.title')}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('promises.redress.hint')}
        </Text>
        {items.error ? (
          <ErrorState error={items.error} onRetry={items.reload} />
        ) : !items.data ? (
          <LoadingState />
        ) : shown.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-redress">
            {filter === 'owed' ? t('promises.redress.noneOwed') : t('promises.redress.noneGiven')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={620} mah={420} type="native" tabIndex={0}>
            <Table verticalSpacing={6} fz="sm" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('promises.redress.client')}</Table.Th>
                  <Table.Th>{t('promises.redress.what')}</Table.Th>
                  <Table.Th>{filter === 'owed' ? t('promises.redress.owedSince') : t('promises.redress.givenAt')}</Table.Th>
                  {filter === 'owed' && canWrite ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((item) => (
                  <Table.Tr key={item.id} data-testid="redress-row" data-given={item.givenAt !== null}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {item.clientName}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {item.eventExternalId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Badge size="sm" variant="light" color={item.kind === 'compensation' ? 'grape' : 'blue'}>
                          {t(`promises.redressKinds.${item.kind}`)}
                          {item.kind === 'compensation' && item.amount !== null ? ` ${format.money(item.amount)}` : ''}
                        </Badge>
                      </Group>
                      <Text size="xs" c="dimmed" mt={2} lineClamp={2}>
                        {item.text}
                      </Text>
                      {item.givenAt !== null && item.note ? (
                        <Text size="xs" mt={2} style={{ overflowWrap: 'anywhere' }}>
                          {t('promises.redress.note')}: {item.note}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {item.givenAt === null ? (
                        format.date(item.owedAt)
                      ) : (
                        <>
                          {format.date(item.givenAt)}
                          <Text size="xs" c="dimmed">
                            {item.givenBy}
                          </Text>
                        </>
                      )}
                    </Table.Td>
                    {filter === 'owed' && canWrite ? (
                      <Table.Td ta="right">
                        <Button size="xs" variant="light" onClick={() => setGiving(item)}>
                          {t('promises.redress.markGiven')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <GiveRedressModal item={giving} onClose={() => setGiving(null)} onSubmit={give} onStale={items.reload} />
    </Paper>
  );
}

interface GiveRedressModalProps {
  item: RedressItem | null;
  onClose: () => void;
  onSubmit: (item: RedressItem, note: string) => Promise<unknown>;
  onStale: () => Promise<void>;
}

/** "Mark given": how the client got it, in a note that stays with the item. */
function GiveRedressModal({ item, onClose, onSubmit, onStale }: GiveRedressModalProps) {
  const { t } = useTranslation();
  const format = useGovernanceFormat();
  const [note, setNote] = useState('');
  const form = useMutationForm(['note']);

  useEffect(() => {
    if (!item) return;
    setNote('');
    form.clear();
  }, [item, form.clear]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!item) return;
    void form.run(
      async () => {
        await onSubmit(item, note.trim());
        onClose();
      },
      {
        // Someone settled it meanwhile: say so, close, and show the list as it is now.
        onError: async (error) => {
          if (!(error instanceof ApiError && error.code === 'conflict')) return error;
          notifyError(error);
          onClose();
          await onStale();
          return null;
        },
      },
    );
  };

  return (
    <Modal opened={item !== null} onClose={onClose} title={t('promises.redress.giveTitle')} centered data-testid="give-redress-form">
      {item ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              {t('promises.redress.giveText', {
                client: item.clientName,
                what: `${t(`promises.redressKinds.${item.kind}`)}${item.kind === 'compensation' && item.amount !== null ? ` ${format.money(item.amount)}` : ''}`,
              })}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {item.text}
            </Text>
            <Textarea
              label={t('promises.redress.note')}
              placeholder={t('promises.redress.notePlaceholder')}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={2000}
              value={note}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                form.clear('note');
              }}
              error={form.errorOf('note')}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={form.isBusy}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.isBusy}>
                {t('promises.redress.giveSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
