import { Alert, Button, Group, NumberInput, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useMutationForm } from '../../shared/use-mutation-form';
import { type EconomicsMember, economicsApi } from './economics.api';
import { isPeriodClosed, localizeEconomicsError } from './economics-errors';
import { PEER_POINTS_TOTAL, peerPointsProblems, pointsLeft, pointsToSend } from './economics-model';
import { useEconomicsFormat } from './use-economics-format';

interface PeerPointsPanelProps {
  teamId: string;
  period: string;
  isClosed: boolean;
  /** The team's members in the month; the signed-in member is left out of the list. */
  members: readonly EconomicsMember[];
  meId: string;
  /** Only a member of the team gives points. */
  isMember: boolean;
  /** Whether the team's rule counts peer points (peer, or a mix with a peer weight). */
  isCounted: boolean;
  onSaved: () => void;
}

/** A member gives 100 points among teammates (never to themselves) for the month; the counter shows what is left. */
export function PeerPointsPanel(props: PeerPointsPanelProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const { teamId, period, meId } = props;
  const given = useResource(() => economicsApi.peerPoints(org.slug, period, teamId), `${org.slug}|${teamId}|${period}`);
  const teammates = props.members.filter((member) => member.memberId !== meId);
  const [points, setPoints] = useState<Record<string, number>>({});
  const form = useMutationForm(['points', ...teammates.map((member) => `points.${member.memberId}`)], {
    mapError: (error) => localizeEconomicsError(error, format.money),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: start from what was given each time the answer changes
  useEffect(() => {
    if (given.data) setPoints({ ...given.data.given });
    form.clear();
  }, [given.data]);

  if (given.isLoading && !given.data) return <LoadingState />;
  if (given.error || !given.data) return <ErrorState error={given.error} onRetry={given.reload} />;

  const left = pointsLeft(points);
  const isDisabled = props.isClosed || !props.isMember;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = peerPointsProblems(points, meId);
    if (problems.length > 0) {
      const fields = problems.map((problem) => ({
        path: problem.path,
        message: problem.message === 'self' ? t('economics.errors.pointsSelf') : t('economics.peer.mustBe100', { left: Math.abs(left) }),
      }));
      return form.handle(new ApiError(422, 'validation_failed', '', fields));
    }
    void form.run(
      async () => {
        const saved = await economicsApi.givePeerPoints(org.slug, period, teamId, pointsToSend(points));
        given.setData(() => saved);
        notifySuccess(t('economics.peer.saved'));
        props.onSaved();
      },
      {
        // The month was closed meanwhile: the page reloads to show it closed, and the form says why.
        onError: (error) => {
          if (isPeriodClosed(error)) props.onSaved();
          return error;
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="peer-points">
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={4}>{t('economics.peer.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('economics.peer.description')}
            </Text>
          </div>
          {!props.isCounted ? (
            <Alert color="gray" variant="light">
              {t('economics.peer.notCounted')}
            </Alert>
          ) : null}
          {!props.isMember ? (
            <Alert color="gray" variant="light" data-testid="peer-not-member">
              {t('economics.peer.notMember')}
            </Alert>
          ) : null}
          {props.isClosed ? (
            <Alert color="gray" variant="light">
              {t('economics.peer.closed')}
            </Alert>
          ) : null}
          <Text size="sm">
            {t('economics.peer.givers', { givers: given.data.givers, members: given.data.members, count: given.data.members })}
          </Text>
          {teammates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('economics.peer.noTeammates')}
            </Text>
          ) : (
            <Stack gap="xs" maw={560}>
              {teammates.map((member) => (
                <Group key={member.memberId} justify="space-between" wrap="nowrap" data-testid="peer-row">
                  <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {member.name}
                  </Text>
                  <NumberInput
                    aria-label={t('economics.peer.pointsFor', { name: member.name })}
                    w={130}
                    min={0}
                    max={PEER_POINTS_TOTAL}
                    step={5}
                    allowDecimal={false}
                    allowNegative={false}
                    value={points[member.memberId] ?? 0}
                    disabled={isDisabled}
                    onChange={(value) => {
                      setPoints((current) => ({ ...current, [member.memberId]: typeof value === 'number' ? value : 0 }));
                      form.clear(`points.${member.memberId}`);
                      form.clear('points');
                    }}
                    error={form.errorOf(`points.${member.memberId}`)}
                  />
                </Group>
              ))}
            </Stack>
          )}
          <Stack gap={4} maw={560}>
            <Progress
              value={Math.min(100, Math.max(0, PEER_POINTS_TOTAL - left))}
              color={left < 0 ? 'red' : left === 0 ? 'teal' : 'blue'}
            />
            <Text
              size="sm"
              fw={600}
              c={left < 0 ? 'red' : left === 0 ? 'teal' : undefined}
              data-testid="points-left"
              data-left={left}
              aria-live="polite"
            >
              {left >= 0 ? t('economics.peer.left', { left }) : t('economics.peer.over', { over: -left })}
            </Text>
            {form.errorOf('points') ? (
              <Text size="sm" c="red" role="alert" data-testid="points-error">
                {form.errorOf('points')}
              </Text>
            ) : null}
          </Stack>
          <Group justify="flex-end" maw={560}>
            <Button type="submit" loading={form.isBusy} disabled={isDisabled || teammates.length === 0}>
              {t('economics.peer.give')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
