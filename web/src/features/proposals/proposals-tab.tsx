import { Anchor, Button, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { orgPath } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/error-messages';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { type Column, DataList } from '../../shared/ui/data-list';
import { DownloadMenu } from '../../shared/ui/download-menu';
import { PlusIcon } from '../../shared/ui/icons';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { AnswerBadge, ProposalStatusBadge, SupportsBar } from './proposal-badges';
import { ProposalFormModal } from './proposal-form-modal';
import { PROPOSAL_STATUSES, type Proposal, type ProposalSort, type ProposalStatus, proposalsApi, SORTS } from './proposals.api';

/** Client proposals: sorted and filtered, with supports against the threshold and the answer owed; staff add one. */
export function ProposalsTab() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const [sort, setSort] = useState<ProposalSort>('supported');
  const [status, setStatus] = useState<ProposalStatus | null>(null);
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [isCreating, setCreating] = useState(false);
  const segments = useResource(async () => (await proposalsApi.segments(org.slug)).items, org.slug);
  const query = {
    sort,
    status: status ?? undefined,
    segmentId: segmentId ?? undefined,
    hidden: showHidden ? 'only' : 'exclude',
    q,
  } as const;
  const list = usePagedList(
    (cursor) => proposalsApi.list(org.slug, { ...query, q: query.q || undefined, cursor }),
    `${org.slug}|${JSON.stringify(query)}`,
  );

  const columns: Column<Proposal>[] = [
    {
      key: 'title',
      header: t('proposals.columns.title'),
      isPrimary: true,
      render: (p) => (
        <Anchor component={Link} to={`/o/${org.slug}/proposals/${p.id}`} fw={500}>
          {p.title}
        </Anchor>
      ),
    },
    { key: 'status', header: t('proposals.columns.status'), render: (p) => <ProposalStatusBadge status={p.status} /> },
    { key: 'supports', header: t('proposals.columns.supports'), render: (p) => <SupportsBar proposal={p} /> },
    { key: 'answer', header: t('proposals.columns.answer'), render: (p) => <AnswerBadge proposal={p} /> },
  ];

  const create = async (input: { title: string; body: string; segmentId?: string }) => {
    const made = await proposalsApi.create(org.slug, input);
    notifySuccess(t('proposals.form.created', { title: made.title }));
    await list.reload();
  };

  return (
    <Stack gap="md" data-testid="proposals-tab">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('proposals.sort.label')}
            value={sort}
            onChange={(value) => setSort(value as ProposalSort)}
            data={SORTS.map((s) => ({ value: s, label: t(`proposals.sort.${s}`) }))}
          />
          <Select
            label={t('proposals.filter.status')}
            placeholder={t('proposals.filter.any')}
            data={PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.status.${s}`) }))}
            value={status}
            onChange={(value) => setStatus(value as ProposalStatus | null)}
            clearable
            w={190}
          />
          <Select
            label={t('proposals.filter.segment')}
            placeholder={t('proposals.filter.any')}
            data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={segmentId}
            onChange={setSegmentId}
            clearable
            w={190}
          />
          <TextInput label={t('proposals.filter.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={190} />
          {can('voice:manage') ? (
            <Button variant={showHidden ? 'filled' : 'default'} onClick={() => setShowHidden((v) => !v)} aria-pressed={showHidden}>
              {t('proposals.filter.hidden')}
            </Button>
          ) : null}
        </Group>
        <Group gap="sm">
          <DownloadMenu
            path={orgPath(org.slug, 'proposals', 'export')}
            table={t('download.tables.proposals')}
            filters={{ sort, status: query.status, segmentId: query.segmentId, q: q || undefined }}
            testId="download-proposals"
          />
          {can('voice:write') ? (
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
              {t('proposals.create')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.isLoading && list.items.length === 0 ? (
        <LoadingState />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('proposals.empty')} hint={t('proposals.emptyHint')} />
      ) : (
        <>
          <DataList
            items={list.items}
            columns={columns}
            rowKey={(p) => p.id}
            testId="proposals-list"
            rowProps={(p) => ({ 'data-overdue': p.isOverdue ? 'true' : undefined })}
          />
          <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={() => void list.loadMore()} />
        </>
      )}
      <ProposalFormModal opened={isCreating} segments={segments.data ?? []} onClose={() => setCreating(false)} onSubmit={create} />
    </Stack>
  );
}
