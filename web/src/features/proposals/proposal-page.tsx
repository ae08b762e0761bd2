import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { PageHeader } from '../../shared/ui/page-header';
import { ReasonModal } from '../../shared/ui/reason-modal';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useMutationForm } from '../../shared/use-mutation-form';
import { ImplementModal, MergeModal } from './proposal-actions';
import { AnswerBadge, ProposalStatusBadge, SupportsBar } from './proposal-badges';
import { type Proposal, proposalsApi } from './proposals.api';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0, flex: 1 }}>{children}</div>
    </Group>
  );
}

/** Where the chain from a proposal to what implements it leads in the staff app. */
function ChainLink({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const done = proposal.implemented;
  if (!done) return null;
  const label = done.title ?? done.id;
  const to =
    done.type === 'promise'
      ? `/o/${org.slug}/promises/${done.id}`
      : done.type === 'decision'
        ? `/o/${org.slug}/decisions/${done.id}`
        : null;
  return (
    <Fact label={t('proposals.page.chain')}>
      <Text size="sm">
        {t(`proposals.page.chainKind.${done.type}`)}:{' '}
        {to ? (
          <Anchor component={Link} to={to} data-testid="chain-link">
            {label}
          </Anchor>
        ) : (
          label
        )}
      </Text>
    </Fact>
  );
}

/** One proposal for staff: what it says, its supports and the owed answer; moving, answering, linking and merging it. */
export function ProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { org, can } = useOrg();
  const format = useFormat();
  const proposal = useResource(() => proposalsApi.get(org.slug, id), `${org.slug}|${id}`);
  const [answering, setAnswering] = useState<'accepted' | 'declined' | null>(null);
  const [isImplementing, setImplementing] = useState(false);
  const [isMerging, setMerging] = useState(false);
  const moving = useMutationForm([]);

  if (proposal.error) return <ErrorState error={proposal.error} onRetry={proposal.reload} />;
  if (!proposal.data) return <LoadingState />;
  const p = proposal.data;
  const canWrite = can('voice:write');
  const set = (next: Proposal) => proposal.setData(() => next);

  // A refusal (the proposal moved on meanwhile) is shown as a notification.
  const move = (status: 'open' | 'under_consideration') =>
    moving.run(async () => set(await proposalsApi.setStatus(org.slug, p.id, { status })), { success: t('proposals.answerForm.moved') });
  const answer = async (status: 'accepted' | 'declined', text: string) => {
    set(await proposalsApi.setStatus(org.slug, p.id, { status, answer: text }));
    notifySuccess(t(`proposals.answerForm.${status}`));
  };

  const isOpen = p.status === 'open' || p.status === 'under_consideration';
  return (
    <Stack gap="md" data-testid="proposal-page">
      <Anchor component={Link} to={`/o/${org.slug}/voice?tab=proposals`} size="sm">
        ← {t('proposals.page.back')}
      </Anchor>
      <PageHeader
        title={p.title}
        badge={<ProposalStatusBadge status={p.status} />}
        description={t(p.author.kind === 'client' ? 'proposals.page.byClient' : 'proposals.page.byStaff', {
          name: p.author.label,
          date: format.date(p.createdAt),
        })}
        mb={0}
        actions={
          canWrite && p.status !== 'merged' && p.status !== 'implemented' ? (
            <Group gap="xs">
              {p.status === 'open' ? (
                <Button variant="default" loading={moving.isBusy} onClick={() => void move('under_consideration')}>
                  {t('proposals.actions.consider')}
                </Button>
              ) : null}
              {p.status === 'under_consideration' ? (
                <Button variant="default" loading={moving.isBusy} onClick={() => void move('open')}>
                  {t('proposals.actions.reopen')}
                </Button>
              ) : null}
              {p.status !== 'accepted' ? <Button onClick={() => setAnswering('accepted')}>{t('proposals.actions.accept')}</Button> : null}
              {p.status !== 'declined' ? (
                <Button color="red" variant="light" onClick={() => setAnswering('declined')}>
                  {t('proposals.actions.decline')}
                </Button>
              ) : null}
              {p.status === 'accepted' ? (
                <Button variant="light" onClick={() => setImplementing(true)}>
                  {t('proposals.actions.implement')}
                </Button>
              ) : null}
              {isOpen ? (
                <Button variant="subtle" onClick={() => setMerging(true)}>
                  {t('proposals.actions.merge')}
                </Button>
              ) : null}
            </Group>
          ) : null
        }
      />
      {p.hiddenAt !== null ? (
        <Alert color="orange" data-testid="hidden-notice">
          {t('proposals.page.hiddenNotice', { date: format.date(p.hiddenAt) })} {t('proposals.page.reports', { n: p.reports })}
        </Alert>
      ) : null}
      <Card withBorder radius="md">
        <Stack gap="sm">
          <Text style={{ whiteSpace: 'pre-line' }}>{p.body}</Text>
          <Fact label={t('proposals.page.segment')}>
            <Text size="sm">{p.segment?.name ?? t('proposals.page.allClients')}</Text>
          </Fact>
          <Fact label={t('proposals.page.supporters')}>
            <SupportsBar proposal={p} />
          </Fact>
          <Fact label={t('proposals.page.threshold')}>
            <Text size="sm">
              {p.threshold} ·{' '}
              {p.thresholdReachedAt !== null
                ? t('proposals.page.reached', { date: format.date(p.thresholdReachedAt) })
                : t('proposals.page.notReached')}
            </Text>
          </Fact>
          {p.answerDueAt !== null || p.answeredAt !== null ? (
            <Fact label={t('proposals.page.owed')}>
              <AnswerBadge proposal={p} />
            </Fact>
          ) : null}
          {p.mergedInto ? (
            <Fact label={t('proposals.page.mergedInto')}>
              <Anchor component={Link} to={`/o/${org.slug}/proposals/${p.mergedInto.id}`} size="sm">
                {p.mergedInto.title}
              </Anchor>
            </Fact>
          ) : null}
          <ChainLink proposal={p} />
          <Anchor href={`/c/${org.slug}/proposals/${p.id}`} target="_blank" size="sm">
            {t('proposals.page.portalLink')}
          </Anchor>
        </Stack>
      </Card>
      {p.answer ? (
        <Card withBorder radius="md" data-testid="proposal-answer">
          <Title order={4}>{t('proposals.page.answer')}</Title>
          <Text mt="xs" style={{ whiteSpace: 'pre-line' }}>
            {p.answer}
          </Text>
          {p.answeredAt !== null ? (
            <Text size="xs" c="dimmed" mt="xs">
              {t('proposals.page.answeredBy', { by: p.answeredBy ?? '', date: format.date(p.answeredAt) })}
            </Text>
          ) : null}
        </Card>
      ) : null}
      <ReasonModal
        opened={answering !== null}
        title={t(answering === 'declined' ? 'proposals.answerForm.declineTitle' : 'proposals.answerForm.acceptTitle')}
        text={t('proposals.answerForm.text')}
        label={t('proposals.answerForm.label')}
        placeholder={t('proposals.answerForm.placeholder')}
        submitLabel={t(answering === 'declined' ? 'proposals.actions.decline' : 'proposals.actions.accept')}
        requiredMessage={t('proposals.answerForm.required')}
        testId="answer-form"
        onClose={() => setAnswering(null)}
        onSubmit={(text) => (answering ? answer(answering, text) : Promise.resolve())}
      />
      <ImplementModal
        opened={isImplementing}
        onClose={() => setImplementing(false)}
        onSubmit={async (input) => {
          set(await proposalsApi.implement(org.slug, p.id, input));
          notifySuccess(t('proposals.implementForm.done'));
        }}
      />
      <MergeModal
        opened={isMerging}
        proposal={p}
        onClose={() => setMerging(false)}
        onSubmit={async (intoId) => {
          const survivor = await proposalsApi.merge(org.slug, p.id, intoId);
          notifySuccess(t('proposals.mergeForm.done', { count: survivor.supports }));
          await proposal.reload();
        }}
      />
    </Stack>
  );
}
