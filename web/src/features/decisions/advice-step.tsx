import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../shared/api/error-messages';
import { useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { useSession } from '../../shared/session/session-context';
import { PeopleIcon, TeamsIcon } from '../../shared/ui/icons';
import { useMutationForm } from '../../shared/use-mutation-form';
import { type Decision, decisionsApi, isOpen } from './decisions.api';
import { localizeGovernanceError } from './field-messages';

type Adviser = Decision['advisers'][number];

/** Step 2: whom advice was asked from, until when, and what each said (or that they are still awaited). */
export function AdviceStep({ decision, onChange }: { decision: Decision; onChange: (decision: Decision) => void }) {
  const { t } = useTranslation();
  const format = useGovernanceFormat();
  if (decision.advisers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('decisionPage.noAdviceAsked')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {decision.adviceDeadline ? (
        <Text size="sm">
          {decision.status === 'seeking_advice'
            ? t('decisionPage.deadlineOpen', { date: format.day(decision.adviceDeadline) })
            : t('decisionPage.deadline', { date: format.day(decision.adviceDeadline) })}
        </Text>
      ) : null}
      <Stack gap="xs" data-testid="advisers">
        {decision.advisers.map((adviser) => (
          <AdviserCard key={adviser.id} adviser={adviser} decision={decision} />
        ))}
      </Stack>
      {decision.viewer.canAdvise && isOpen(decision) ? <AdviceForm decision={decision} onChange={onChange} /> : null}
    </Stack>
  );
}

function AdviserCard({ adviser, decision }: { adviser: Adviser; decision: Decision }) {
  const { t } = useTranslation();
  const format = useGovernanceFormat();
  const isAnswered = adviser.answeredAt !== null;
  const preferred = adviser.preferredOption === null ? null : decision.options.find((option) => option.index === adviser.preferredOption);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="adviser" data-answered={isAnswered}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          {adviser.adviser.type === 'team' ? <TeamsIcon size={16} /> : <PeopleIcon size={16} />}
          <Text size="sm" fw={600}>
            {adviser.adviser.name}
          </Text>
          {adviser.adviser.type === 'team' ? (
            <Badge size="xs" variant="light" color="gray">
              {t('decisionPage.teamAdviser')}
            </Badge>
          ) : null}
        </Group>
        {isAnswered ? (
          <Badge color="teal" variant="light">
            {t('decisionPage.answered')}
          </Badge>
        ) : isOpen(decision) ? (
          <Badge color="orange" variant="light" data-testid="advice-waiting">
            {t('decisionPage.waiting')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('decisionPage.notAnswered')}
          </Badge>
        )}
      </Group>
      {isAnswered ? (
        <Stack gap={4} mt={6}>
          {preferred ? (
            <Text size="sm">
              {t('decisionPage.prefers')}{' '}
              <Text span fw={600}>
                {preferred.index + 1}. {preferred.title}
              </Text>
            </Text>
          ) : null}
          {adviser.advice ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              «{adviser.advice}»
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {adviser.answeredBy && adviser.adviser.type === 'team'
              ? t('decisionPage.answeredByAt', { name: adviser.answeredBy.label, date: format.dateTime(adviser.answeredAt ?? 0) })
              : t('decisionPage.answeredAt', { date: format.dateTime(adviser.answeredAt ?? 0) })}
          </Text>
        </Stack>
      ) : (
        <Text size="xs" c="dimmed" mt={4}>
          {t('decisionPage.askedAt', { date: format.dateTime(adviser.requestedAt) })}
        </Text>
      )}
    </Paper>
  );
}

/** The signed-in person's answer: advice text and, optionally, the option they favour. Editable until the decision is taken. */
function AdviceForm({ decision, onChange }: { decision: Decision; onChange: (decision: Decision) => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const { me } = useSession();
  const mine = decision.advisers.find((adviser) => adviser.answeredBy?.id === me?.user.id);
  const [advice, setAdvice] = useState('');
  const [preferred, setPreferred] = useState<string | null>(null);
  const form = useMutationForm(['advice', 'preferredOption'], { mapError: (error) => localizeGovernanceError(error) });

  useEffect(() => {
    setAdvice(mine?.advice ?? '');
    setPreferred(mine?.preferredOption === null || mine === undefined ? null : String(mine.preferredOption));
  }, [mine]);

  const submit = form.submitWith(async () => {
    const updated = await decisionsApi.advise(org.slug, decision.id, {
      advice,
      preferredOption: preferred === null ? null : Number(preferred),
    });
    onChange(updated);
    form.clear();
    notifySuccess(t('decisionPage.adviceSaved'));
  });

  return (
    <Paper withBorder radius="md" p="md" bg="blue.0" data-testid="advice-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={5}>{mine ? t('decisionPage.changeAdvice') : t('decisionPage.giveAdvice')}</Title>
          <Text size="xs" c="dimmed">
            {t('decisionPage.giveAdviceHint')}
          </Text>
          <Textarea
            label={t('decisionPage.advice')}
            placeholder={t('decisionPage.advicePlaceholder')}
            autosize
            minRows={3}
            maxRows={8}
            value={advice}
            onChange={(event) => {
              setAdvice(event.currentTarget.value);
              form.clear('advice');
            }}
            error={form.errorOf('advice')}
            required
          />
          <Select
            label={t('decisionPage.preferredOption')}
            placeholder={t('decisionPage.noPreference')}
            data={decision.options.map((option) => ({ value: String(option.index), label: `${option.index + 1}. ${option.title}` }))}
            value={preferred}
            onChange={(value) => {
              setPreferred(value);
              form.clear('preferredOption');
            }}
            error={form.errorOf('preferredOption')}
            clearable
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.isBusy}>
              {mine ? t('decisionPage.updateAdvice') : t('decisionPage.sendAdvice')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
