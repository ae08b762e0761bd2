import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import type { PromiseRequest, RequestStatus } from './promises.api';

const STATUS_COLORS: Record<RequestStatus, string> = { open: 'blue', accepted: 'teal', declined: 'gray' };

interface RequestCardProps {
  request: PromiseRequest;
  /** The title of the promise it would support, when known. */
  supportsTitle?: string;
  /** Accept and Decline are shown only to those who may answer for the asked team. */
  canAnswer: boolean;
  onAccept: (request: PromiseRequest) => void;
  onDecline: (request: PromiseRequest) => void;
}

/** One request: who asks whom for what, its state, the answer, and the promise made when accepted. */
export function RequestCard({ request, supportsTitle, canAnswer, onAccept, onDecline }: RequestCardProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const team = (to: { id: string; name: string }) => (
    <Anchor component={Link} to={`/o/${org.slug}/teams/${to.id}`} inherit fw={500}>
      {to.name}
    </Anchor>
  );
  return (
    <Paper withBorder radius="md" p="md" data-testid="request-card" data-status={request.status}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {request.title}
            </Text>
            <Text size="sm" c="dimmed" component="div" data-testid="request-parties">
              {team(request.fromTeam)} → {team(request.toTeam)}
            </Text>
          </Stack>
          <Badge color={STATUS_COLORS[request.status]} variant={request.status === 'open' ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
            {t(`promises.requests.statuses.${request.status}`)}
          </Badge>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {t('promises.quoted', { text: request.statement })}
        </Text>
        {request.supportsPromiseId ? (
          <Text size="sm">
            <Text span c="dimmed">
              {t('promises.requests.supports')}:
            </Text>{' '}
            <Anchor component={Link} to={`/o/${org.slug}/promises/${request.supportsPromiseId}`} inherit>
              {supportsTitle ?? t('promises.requests.openPromise')}
            </Anchor>
          </Text>
        ) : null}
        {request.status === 'accepted' && request.promiseId ? (
          <Text size="sm" data-testid="request-promise">
            <Text span c="dimmed">
              {t('promises.requests.promiseMade')}:
            </Text>{' '}
            <Anchor component={Link} to={`/o/${org.slug}/promises/${request.promiseId}`} inherit fw={500}>
              {t('promises.requests.openPromise')} →
            </Anchor>
          </Text>
        ) : null}
        {request.status === 'declined' ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="request-answer">
            <Text span c="dimmed">
              {t('promises.requests.declinedBecause')}:
            </Text>{' '}
            {request.answer}
          </Text>
        ) : null}
        <Group justify="space-between" align="flex-end" gap="xs">
          <Text size="xs" c="dimmed">
            {t('promises.requests.askedBy', { date: format.date(request.createdAt), by: request.createdBy })}
            {request.answeredAt !== null ? ` · ${t('promises.requests.answeredAt', { date: format.date(request.answeredAt) })}` : ''}
          </Text>
          {canAnswer && request.status === 'open' ? (
            <Group gap="xs">
              <Button size="xs" variant="default" color="red" onClick={() => onDecline(request)}>
                {t('promises.requests.decline')}
              </Button>
              <Button size="xs" onClick={() => onAccept(request)}>
                {t('promises.requests.accept')}
              </Button>
            </Group>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
