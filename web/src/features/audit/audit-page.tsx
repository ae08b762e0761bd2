import { Paper, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { useIsNarrow } from '../../shared/ui/data-list';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { type AuditFilterValues, auditApi, NO_FILTER, toApiFilter } from './audit.api';
import { AuditCard } from './audit-card';
import { AuditFilters } from './audit-filters';
import { AuditRow } from './audit-row';

export function AuditPage() {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [filter, setFilter] = useState<AuditFilterValues>(NO_FILTER);
  const [openId, setOpenId] = useState<string | null>(null);
  const apiFilter = toApiFilter(filter, org.timeZone);
  const key = JSON.stringify(apiFilter);
  const facets = useResource(() => auditApi.facets(org.slug), org.slug);
  const list = usePagedList((cursor) => auditApi.list(org.slug, apiFilter, cursor), `${org.slug}|${key}`);
  const isFiltered = key !== '{}';
  const isNarrow = useIsNarrow();
  const toggle = (id: string) => setOpenId((current) => (current === id ? null : id));

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description', { timeZone: org.timeZone })} />
      <AuditFilters values={filter} onChange={setFilter} facets={facets.data} />
      {list.isLoading && list.items.length === 0 ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={isFiltered ? t('audit.noMatches') : t('audit.emptyTitle')}
          hint={isFiltered ? t('audit.noMatchesHint') : t('audit.emptyHint')}
        />
      ) : isNarrow ? (
        <Stack gap="sm" style={{ opacity: list.isLoading ? 0.6 : 1 }}>
          {list.items.map((entry) => (
            <AuditCard key={entry.id} entry={entry} isOpen={openId === entry.id} onToggle={() => toggle(entry.id)} />
          ))}
        </Stack>
      ) : (
        <Paper withBorder radius="md" style={{ opacity: list.isLoading ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={760} type="native">
            <Table verticalSpacing="sm" data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('audit.time')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} isOpen={openId === entry.id} onToggle={() => toggle(entry.id)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </>
  );
}
