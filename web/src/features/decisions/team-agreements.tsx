import { Accordion, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import { loadAllPages, usePagedList } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { addMonths, useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { PlusIcon } from '../../shared/ui/icons';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { teamsApi } from '../teams/teams.api';
import { AgreementDetails } from './agreement-details';
import { AgreementFormModal } from './agreement-form-modal';
import { AgreementStatusBadge, DueBadge } from './badges';
import { type Agreement, type AgreementInput, type AgreementStatus, agreementsApi, governanceApi, type ReviewInput } from './decisions.api';
import { ReviewFormModal } from './review-form-modal';

type Filter = 'current' | 'due' | 'retired';

/** The Agreements tab of a team page: the team's S3 agreements, opened one by one, recorded, edited and reviewed. */
export function TeamAgreements({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const format = useGovernanceFormat();
  const [searchParams] = useSearchParams();
  const [filter, setFilter] = useState<Filter>('current');
  const [opened, setOpened] = useState<string[]>(() => {
    const wanted = searchParams.get('agreement');
    return wanted ? [wanted] : [];
  });
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  const [reviewing, setReviewing] = useState<Agreement | null>(null);
  const [historyKeys, setHistoryKeys] = useState<Record<string, number>>({});
  const canEdit = can('governance:participate');

  const query = filter === 'due' ? { due: 'true' as const } : filter === 'retired' ? { status: 'retired' } : {};
  const list = usePagedList(async (cursor) => {
    const page = await agreementsApi.list(org.slug, teamId, { cursor, ...query });
    // "Current" hides retired agreements: they stay in the record under their own filter.
    return filter === 'current' ? { ...page, items: page.items.filter((item) => item.status !== 'retired') } : page;
  }, `${org.slug}|${teamId}|${filter}`);
  const team = useResource(() => teamsApi.get(org.slug, teamId), `${org.slug}|${teamId}`);
  const roles = useResource(
    () => (canEdit ? loadAllPages((cursor) => governanceApi.roles(org.slug, teamId, cursor)) : Promise.resolve([])),
    `${org.slug}|${teamId}|${canEdit}`,
  );

  const replace = (updated: Agreement) => list.setItems((items) => items.map((item) => (item.id === updated.id ? updated : item)));

  const save = async (input: AgreementInput & { status: AgreementStatus }) => {
    if (editing && editing !== 'new') {
      const { ownerType: _type, ownerId: _id, ...patch } = input;
      replace(await agreementsApi.update(org.slug, editing.id, patch));
      notifySuccess(t('agreements.updated'));
    } else {
      const { status: _status, ...create } = input;
      const created = await agreementsApi.create(org.slug, create);
      list.setItems((items) => [created, ...items]);
      setOpened((current) => [...current, created.id]);
      notifySuccess(t('agreements.created', { title: created.title }));
    }
  };

  const review = async (input: ReviewInput) => {
    if (!reviewing) return;
    await agreementsApi.review(org.slug, reviewing.id, input);
    replace(await agreementsApi.get(org.slug, reviewing.id));
    setHistoryKeys((keys) => ({ ...keys, [reviewing.id]: (keys[reviewing.id] ?? 0) + 1 }));
    notifySuccess(t('reviews.saved'));
  };

  const createButton = canEdit ? (
    <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
      {t('agreements.create')}
    </Button>
  ) : null;

  return (
    <Stack gap="md" data-testid="team-agreements">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 320px' }}>
          <Text size="sm" c="dimmed">
            {t('agreements.intro')}
          </Text>
        </Stack>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            data={(['current', 'due', 'retired'] as const).map((value) => ({ value, label: t(`agreements.filters.${value}`) }))}
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
          title={t(`agreements.empty.${filter}`)}
          hint={filter === 'current' ? t('agreements.emptyHint') : undefined}
          action={filter === 'current' ? createButton : null}
        />
      ) : (
        <Paper withBorder radius="md">
          <Accordion multiple value={opened} onChange={setOpened} chevronPosition="left" variant="default">
            {list.items.map((agreement) => (
              <Accordion.Item key={agreement.id} value={agreement.id} data-testid="agreement-item" data-due={agreement.isDue}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {agreement.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(agreement.owner.type === 'team' ? 'agreements.ownedByTeam' : 'agreements.ownedByRole', {
                          name: agreement.owner.name,
                        })}
                        {' · '}
                        {t('agreements.reviewOn', { date: format.day(agreement.reviewDate) })}
                      </Text>
                    </Stack>
                    <Group gap={6}>
                      <AgreementStatusBadge status={agreement.status} />
                      <DueBadge isDue={agreement.isDue} />
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {opened.includes(agreement.id) ? (
                    <AgreementDetails
                      agreement={agreement}
                      canEdit={canEdit}
                      historyKey={historyKeys[agreement.id] ?? 0}
                      onEdit={() => setEditing(agreement)}
                      onReview={() => setReviewing(agreement)}
                    />
                  ) : null}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Paper>
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={() => void list.loadMore()} />
      <AgreementFormModal
        opened={editing !== null}
        teamId={teamId}
        teamName={team.data?.name ?? ''}
        roles={roles.data ?? []}
        timeZone={org.timeZone}
        agreement={editing && editing !== 'new' ? editing : undefined}
        onClose={() => setEditing(null)}
        onSubmit={save}
      />
      <ReviewFormModal
        opened={reviewing !== null}
        subject={reviewing?.title ?? ''}
        defaultNextDate={addMonths(format.today(), 6)}
        onClose={() => setReviewing(null)}
        onSubmit={review}
      />
    </Stack>
  );
}
