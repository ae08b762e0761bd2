import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ZOverrideRecord } from '../../../../src/modules/teams/override.schema';
import { api, orgPath, type Page } from '../../shared/api/client';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';

export type OverrideRecord = z.input<typeof ZOverrideRecord>;

export const overridesApi = {
  ofTeam: (org: string, teamId: string, cursor?: string) =>
    api.get<Page<OverrideRecord>>(orgPath(org, 'teams', teamId, 'overrides'), { cursor, limit: 20 }),
  summary: (org: string) => api.get<{ quarter: string; count: number }>(orgPath(org, 'overrides', 'summary')),
};

/**
 * Delegated authority holds (issue 17): on a team's rights tab, a notice to an admin or the council
 * outside the team that changing it needs a reason, and the overrides recorded so far, newest first.
 */
export function TeamOverrides({ teamId, isAutonomous, isFromAbove }: { teamId: string; isAutonomous: boolean; isFromAbove: boolean }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useGovernanceFormat();
  const list = usePagedList((cursor) => overridesApi.ofTeam(org.slug, teamId, cursor), `${org.slug}|${teamId}`);
  return (
    <Stack gap="sm">
      {isAutonomous && isFromAbove ? (
        <Alert color="yellow" data-testid="team-autonomy-notice">
          {t('overrides.teamNotice')}
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p="md" data-testid="team-overrides">
        <Title order={4}>{t('overrides.title')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('overrides.description')}
        </Text>
        {list.isLoading && list.items.length === 0 ? (
          <LoadingState />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : list.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('overrides.empty')}
          </Text>
        ) : (
          <Stack gap="xs">
            {list.items.map((item) => (
              <div key={item.id} data-testid="team-override">
                <Text size="sm" fw={600}>
                  {t('overrides.item', { by: item.by.name, action: item.action })} · {format.dateTime(item.at)}
                  {item.subjectType === 'promise' || item.subjectType === 'decision' ? (
                    <>
                      {' · '}
                      <Anchor
                        component={Link}
                        to={`/o/${org.slug}/${item.subjectType === 'promise' ? 'promises' : 'decisions'}/${item.subjectId}`}
                        inherit
                        data-testid="team-override-subject"
                      >
                        {t(item.subjectType === 'promise' ? 'overrides.openPromise' : 'overrides.openDecision')}
                      </Anchor>
                    </>
                  ) : item.subjectType === 'promise_request' ? (
                    <>
                      {' · '}
                      <Anchor component={Link} to={`/o/${org.slug}/promises?tab=requests`} inherit data-testid="team-override-subject">
                        {t('overrides.openRequests')}
                      </Anchor>
                    </>
                  ) : null}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {item.reason}
                </Text>
              </div>
            ))}
            {list.hasMore ? (
              <Button variant="subtle" size="xs" onClick={() => void list.loadMore()} loading={list.isLoadingMore}>
                {t('overrides.more')}
              </Button>
            ) : null}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

/** The organization's overrides of delegated authority this quarter, in a line (on the signed-in landing, the teams list). */
export function OverridesSummary() {
  const { t } = useTranslation();
  const { org } = useOrg();
  const summary = useResource(() => overridesApi.summary(org.slug), org.slug);
  if (!summary.data) return null;
  return (
    <Text size="sm" c={summary.data.count > 0 ? 'orange.9' : 'dimmed'} mb="sm" data-testid="overrides-summary">
      {t('overrides.summary', { quarter: summary.data.quarter, count: summary.data.count })}
    </Text>
  );
}
