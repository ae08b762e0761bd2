import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../shared/api/use-resource';
import { useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { type Column, DataList } from '../../shared/ui/data-list';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { AgreementStatusBadge, DecisionStatusBadge } from './badges';
import { type Agreement, type Decision, governanceApi } from './decisions.api';

/** Whole days from `from` to `to`, both calendar dates. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Agreements and decisions whose review date has come, in the organization's time zone. */
export function DueForReviewPage() {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useGovernanceFormat();
  const due = useResource(() => governanceApi.due(org.slug), org.slug);

  const overdue = (reviewDate: string | null, today: string) => {
    if (!reviewDate) return null;
    const days = daysBetween(reviewDate, today);
    return (
      <Stack gap={0}>
        <Text size="sm">{format.day(reviewDate)}</Text>
        <Text size="xs" c={days > 0 ? 'red' : 'orange'}>
          {days > 0 ? t('reviews.overdueBy', { count: days }) : t('reviews.dueToday')}
        </Text>
      </Stack>
    );
  };

  const today = due.data?.today ?? format.today();
  const agreementColumns: Column<Agreement>[] = [
    {
      key: 'title',
      header: t('agreements.titleLabel'),
      isPrimary: true,
      render: (agreement) => (
        <Anchor component={Link} to={`/o/${org.slug}/teams/${agreement.teamId}?tab=agreements&agreement=${agreement.id}`} fw={600}>
          {agreement.title}
        </Anchor>
      ),
    },
    { key: 'team', header: t('reviews.team'), render: (agreement) => agreement.teamName },
    { key: 'owner', header: t('agreements.owner'), render: (agreement) => agreement.owner.name },
    { key: 'status', header: t('agreements.statusLabel'), render: (agreement) => <AgreementStatusBadge status={agreement.status} /> },
    { key: 'date', header: t('agreements.reviewDate'), render: (agreement) => overdue(agreement.reviewDate, today) },
  ];
  const decisionColumns: Column<Decision>[] = [
    {
      key: 'title',
      header: t('decisions.titleLabel'),
      isPrimary: true,
      render: (decision) => (
        <Anchor component={Link} to={`/o/${org.slug}/decisions/${decision.id}`} fw={600}>
          {decision.title}
        </Anchor>
      ),
    },
    { key: 'team', header: t('reviews.team'), render: (decision) => decision.teamName },
    { key: 'right', header: t('decisions.right'), render: (decision) => decision.right.name },
    { key: 'status', header: t('decisions.statusLabel'), render: (decision) => <DecisionStatusBadge decision={decision} /> },
    { key: 'date', header: t('decisions.reviewDate'), render: (decision) => overdue(decision.reviewDate, today) },
  ];

  return (
    <>
      <PageHeader
        title={t('reviews.title')}
        description={due.data ? t('reviews.descriptionToday', { date: format.day(due.data.today) }) : t('reviews.description')}
      />
      {due.isLoading && !due.data ? (
        <LoadingState />
      ) : due.error || !due.data ? (
        <ErrorState error={due.error} onRetry={due.reload} />
      ) : due.data.agreements.length === 0 && due.data.decisions.length === 0 ? (
        <EmptyState title={t('reviews.emptyTitle')} hint={t('reviews.emptyHint')} />
      ) : (
        <Stack gap="lg">
          <Section title={t('reviews.agreementsTitle', { count: due.data.agreements.length })} empty={t('reviews.noAgreements')}>
            {due.data.agreements.length > 0 ? (
              <DataList items={due.data.agreements} columns={agreementColumns} rowKey={(a) => a.id} testId="due-agreements" isEmbedded />
            ) : null}
          </Section>
          <Section title={t('reviews.decisionsTitle', { count: due.data.decisions.length })} empty={t('reviews.noDecisions')}>
            {due.data.decisions.length > 0 ? (
              <DataList items={due.data.decisions} columns={decisionColumns} rowKey={(d) => d.id} testId="due-decisions" isEmbedded />
            ) : null}
          </Section>
        </Stack>
      )}
    </>
  );
}

function Section({ title, empty, children }: { title: string; empty: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group mb="sm">
        <Title order={4}>{title}</Title>
      </Group>
      {children ?? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Paper>
  );
}
