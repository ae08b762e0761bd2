import { Anchor, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { type Column, DataList } from '../../shared/ui/data-list';
import { PlusIcon } from '../../shared/ui/icons';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { DecisionStatusBadge, DueBadge } from './badges';
import { DecisionFormModal } from './decision-form-modal';
import { type Decision, type DecisionInput, type DecisionStatus, decisionsApi } from './decisions.api';

type Filter = 'all' | 'due' | DecisionStatus;
const FILTERS: Filter[] = ['all', 'seeking_advice', 'ready', 'decided', 'due'];

/** The Decisions tab of a team page: decisions prepared and taken by the advice process. */
export function TeamDecisions({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const format = useGovernanceFormat();
  const [filter, setFilter] = useState<Filter>('all');
  const [isCreateOpen, setCreateOpen] = useState(false);
  const canParticipate = can('governance:participate');
  const query = filter === 'all' ? {} : filter === 'due' ? { due: 'true' as const } : { status: filter };
  const list = usePagedList((cursor) => decisionsApi.list(org.slug, teamId, { cursor, ...query }), `${org.slug}|${teamId}|${filter}`);

  const create = async (input: DecisionInput) => {
    const created = await decisionsApi.create(org.slug, input);
    notifySuccess(t('decisions.created', { title: created.title }));
    void navigate(`/o/${org.slug}/decisions/${created.id}`); // the app has no route loaders: nothing to wait for
  };

  const createButton = canParticipate ? (
    <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreateOpen(true)}>
      {t('decisions.create')}
    </Button>
  ) : null;

  const columns: Column<Decision>[] = [
    {
      key: 'title',
      header: t('decisions.titleLabel'),
      isPrimary: true,
      render: (decision) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/o/${org.slug}/decisions/${decision.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {decision.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {decision.right.name}
            {decision.amount !== null ? ` · ${format.money(decision.amount)}` : ''}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('decisions.statusLabel'),
      render: (decision) => (
        <Group gap={6}>
          <DecisionStatusBadge decision={decision} />
          <DueBadge isDue={decision.isDue} />
        </Group>
      ),
    },
    { key: 'advice', header: t('decisions.adviceColumn'), render: (decision) => <AdviceProgress decision={decision} /> },
    {
      key: 'when',
      header: t('decisions.whenColumn'),
      render: (decision) => (
        <Text size="sm">
          {decision.decidedAt !== null
            ? t('decisions.decidedOn', { date: format.date(decision.decidedAt) })
            : t('decisions.proposedOn', { date: format.date(decision.createdAt) })}
          {decision.reviewDate ? (
            <Text span size="xs" c={decision.isDue ? 'red' : 'dimmed'} display="block">
              {t('decisions.reviewOn', { date: format.day(decision.reviewDate) })}
            </Text>
          ) : null}
        </Text>
      ),
    },
  ];

  return (
    <Stack gap="md" data-testid="team-decisions">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 320px' }}>
          {t('decisions.intro')}
        </Text>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            data={FILTERS.map((value) => ({ value, label: t(`decisions.filters.${value}`) }))}
          />
          {createButton}
        </Group>
      </Group>
      {list.isLoading && list.items.length === 0 ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={filter === 'all' ? t('decisions.emptyTitle') : t('decisions.emptyFiltered')}
          hint={filter === 'all' ? t('decisions.emptyHint') : undefined}
          action={filter === 'all' ? createButton : null}
        />
      ) : (
        <DataList
          items={list.items}
          columns={columns}
          rowKey={(decision) => decision.id}
          testId="decisions-table"
          rowProps={(decision) => ({ 'data-testid': 'decision-row', 'data-status': decision.status })}
        />
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={() => void list.loadMore()} />
      <DecisionFormModal opened={isCreateOpen} teamId={teamId} onClose={() => setCreateOpen(false)} onSubmit={create} />
    </Stack>
  );
}

/** "2 of 3 answered", or that no advice was asked. */
function AdviceProgress({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const format = useGovernanceFormat();
  if (decision.advisers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('decisions.noAdviceAsked')}
      </Text>
    );
  }
  const answered = decision.advisers.filter((adviser) => adviser.answeredAt !== null).length;
  return (
    <Text size="sm">
      {t('decisions.adviceProgress', { answered, total: decision.advisers.length })}
      {decision.status === 'seeking_advice' && decision.adviceDeadline ? (
        <Text span size="xs" c="dimmed" display="block">
          {t('decisions.adviceUntil', { date: format.day(decision.adviceDeadline) })}
        </Text>
      ) : null}
    </Text>
  );
}
