import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import type { Resource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { PlusIcon } from '../../shared/ui/icons';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { AcceptRequestModal } from './accept-request-modal';
import { DeclineRequestModal } from './decline-request-modal';
import { countWaiting, groupRequests, type RequestsData, usePromiseRequests } from './promise-requests';
import type { AcceptInput, PromiseRequest, RequestInput } from './promises.api';
import { promisesApi } from './promises.api';
import { RequestCard } from './request-card';
import { RequestFormModal, type RequestStart } from './request-form-modal';

interface PromiseRequestsPanelProps {
  data: Resource<RequestsData>;
  /** On a team's page: that team's requests; otherwise those of the person's teams, then the rest. */
  team?: { id: string; name: string };
}

/**
 * Requests between teams ("please promise X"): those asked of my teams with Accept / Decline, those my
 * teams sent with their answer and the promise made, and (on the promises screen) the rest.
 */
export function PromiseRequestsPanel({ data, team }: PromiseRequestsPanelProps) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const navigate = useNavigate();
  const [askStart, setAskStart] = useState<RequestStart | null>(null);
  const [accepting, setAccepting] = useState<PromiseRequest | null>(null);
  const [declining, setDeclining] = useState<PromiseRequest | null>(null);
  const canWrite = can('promises:write');
  const isAdmin = org.role === 'admin';

  if (data.error) return <ErrorState error={data.error} onRetry={data.reload} />;
  if (!data.data) return <LoadingState />;
  const { requests, memberTeamIds, promiseTitles } = data.data;
  const inView = team ? new Set([team.id]) : memberTeamIds;
  const groups = groupRequests(requests, inView);
  const canAnswer = (request: PromiseRequest) => canWrite && (isAdmin || memberTeamIds.has(request.toTeam.id));
  // On a team's page a member (or an admin) asks on its behalf; anyone else asks it.
  const start: RequestStart = team ? (isAdmin || memberTeamIds.has(team.id) ? { fromTeamId: team.id } : { toTeamId: team.id }) : {};

  const ask = async (input: RequestInput) => {
    const sent = await promisesApi.createRequest(org.slug, input);
    notifySuccess(t('promises.requests.sentToast', { team: sent.toTeam.name }));
    await data.reload();
  };
  const accept = async (request: PromiseRequest, input: AcceptInput) => {
    const answered = await promisesApi.acceptRequest(org.slug, request.id, input);
    notifySuccess(t('promises.requests.acceptedToast', { title: answered.title, team: answered.toTeam.name }));
    // The app has no route loaders: the navigation has nothing to wait for.
    if (answered.promiseId) void navigate(`/o/${org.slug}/promises/${answered.promiseId}`);
    else await data.reload();
  };
  const decline = async (request: PromiseRequest, reason: string) => {
    await promisesApi.declineRequest(org.slug, request.id, reason);
    notifySuccess(t('promises.requests.declinedToast', { title: request.title }));
    await data.reload();
  };
  const alreadyAnswered = () => {
    notifications.show({ color: 'yellow', message: t('promises.requests.alreadyAnswered'), withBorder: true });
    void data.reload();
  };

  // A request is answered where it was received (or, for an admin, among the others), not in the list of those sent.
  const cards = (items: PromiseRequest[], isAnsweredHere: boolean) =>
    items.map((request) => (
      <RequestCard
        key={request.id}
        request={request}
        supportsTitle={request.supportsPromiseId ? promiseTitles.get(request.supportsPromiseId) : undefined}
        canAnswer={isAnsweredHere && canAnswer(request)}
        onAccept={setAccepting}
        onDecline={setDeclining}
      />
    ));
  const waiting = countWaiting(requests, inView);
  const hasNoTeams = !team && memberTeamIds.size === 0;

  return (
    <Stack gap="md" data-testid="promise-requests">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={760}>
          {t('promises.requests.intro')}
        </Text>
        {canWrite ? (
          <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={() => setAskStart(start)} data-testid="ask-button">
            {team && start.toTeamId ? t('promises.requests.askThisTeam') : t('promises.requests.ask')}
          </Button>
        ) : null}
      </Group>
      {hasNoTeams ? (
        <Alert color="gray" variant="light">
          {t('promises.requests.noTeams')}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" verticalSpacing="lg">
          <Section
            title={team ? t('promises.requests.receivedByTeam') : t('promises.requests.received')}
            badge={waiting > 0 ? t('promises.requests.openCount', { n: waiting }) : null}
            empty={team ? t('promises.requests.noneReceivedByTeam') : t('promises.requests.noneReceived')}
            testId="requests-received"
          >
            {cards(groups.received, true)}
          </Section>
          <Section
            title={team ? t('promises.requests.sentByTeam') : t('promises.requests.sent')}
            empty={team ? t('promises.requests.noneSentByTeam') : t('promises.requests.noneSent')}
            testId="requests-sent"
          >
            {cards(groups.sent, false)}
          </Section>
        </SimpleGrid>
      )}
      {!team && groups.others.length > 0 ? (
        <Section
          title={t('promises.requests.others')}
          hint={canWrite && isAdmin ? t('promises.requests.othersHint') : t('promises.requests.othersHintReadOnly')}
          testId="requests-others"
        >
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {cards(groups.others, true)}
          </SimpleGrid>
        </Section>
      ) : null}
      <RequestFormModal opened={askStart !== null} start={askStart} onClose={() => setAskStart(null)} onSubmit={ask} />
      <AcceptRequestModal request={accepting} onClose={() => setAccepting(null)} onSubmit={accept} onAlreadyAnswered={alreadyAnswered} />
      <DeclineRequestModal request={declining} onClose={() => setDeclining(null)} onSubmit={decline} onAlreadyAnswered={alreadyAnswered} />
    </Stack>
  );
}

/** A team's page: the requests it received and sent. */
export function TeamPromiseRequests({ team }: { team: { id: string; name: string } }) {
  const data = usePromiseRequests(team.id);
  return <PromiseRequestsPanel data={data} team={team} />;
}

interface SectionProps {
  title: string;
  badge?: string | null;
  hint?: string;
  empty?: string;
  testId: string;
  children: ReactNode[] | ReactNode;
}

function Section({ title, badge, hint, empty, testId, children }: SectionProps) {
  const isEmpty = Array.isArray(children) && children.length === 0;
  return (
    <Stack gap="sm" data-testid={testId}>
      <Group gap="xs">
        <Title order={3} size="h4">
          {title}
        </Title>
        {badge ? (
          <Badge color="blue" variant="light">
            {badge}
          </Badge>
        ) : null}
      </Group>
      {hint ? (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      ) : null}
      {isEmpty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}
