import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useOrg } from '../../shared/session/org-context';
import { CopyField } from '../../shared/ui/copy-field';
import { ErrorState, LoadMore } from '../../shared/ui/states';
import { useMutationForm } from '../../shared/use-mutation-form';
import { FEEDBACK_KINDS, type FeedbackKind, feedbackApi, type SubjectType, type Survey } from './feedback.api';
import { useSubjects } from './use-subjects';

const FIELDS = ['kind', 'question', 'subjectType', 'subjectId'] as const;

function CreateSurveyForm({ onCreated }: { onCreated: (survey: Survey) => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const subjects = useSubjects();
  const [kind, setKind] = useState<FeedbackKind>('nps');
  const [question, setQuestion] = useState<string | null>(null);
  const [subjectType, setSubjectType] = useState<SubjectType | ''>('');
  const [subjectId, setSubjectId] = useState('');
  const form = useMutationForm(FIELDS);
  const shownQuestion = question ?? t(`feedback.surveys.questionDefaults.${kind}`);

  const create = () =>
    form.run(async () => {
      const survey = await feedbackApi.createSurvey(org.slug, {
        kind,
        question: shownQuestion,
        ...(subjectType && subjectId ? { subjectType, subjectId } : {}),
      });
      notifySuccess(t('feedback.surveys.created'));
      setQuestion(null);
      setSubjectType('');
      setSubjectId('');
      onCreated(survey);
    });

  return (
    <Stack gap="xs" data-testid="create-survey">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('feedback.surveys.kind')}
          data={FEEDBACK_KINDS.map((k) => ({ value: k, label: `${t(`feedback.kinds.${k}`)} — ${t(`feedback.kindHints.${k}`)}` }))}
          value={kind}
          onChange={(next) => next && setKind(next as FeedbackKind)}
          allowDeselect={false}
          error={form.errorOf('kind')}
          style={{ flex: '1 1 260px' }}
        />
        <Select
          label={t('feedback.filters.subjectType')}
          data={[
            { value: '', label: t('feedback.surveys.subjectNone') },
            ...(['promise', 'team', 'touchpoint'] as const).map((s) => ({ value: s, label: t(`feedback.subjectTypes.${s}`) })),
          ]}
          value={subjectType}
          onChange={(next) => {
            setSubjectType((next ?? '') as SubjectType | '');
            setSubjectId('');
          }}
          allowDeselect={false}
          w={200}
        />
        {subjectType === 'promise' || subjectType === 'team' ? (
          <Select
            label={t('feedback.filters.subject')}
            data={subjects[subjectType]}
            value={subjectId || null}
            onChange={(next) => setSubjectId(next ?? '')}
            searchable
            error={form.errorOf('subjectId')}
            style={{ flex: '1 1 240px' }}
          />
        ) : subjectType === 'touchpoint' ? (
          <TextInput
            label={t('feedback.filters.touchpointName')}
            value={subjectId}
            onChange={(event) => setSubjectId(event.currentTarget.value)}
            error={form.errorOf('subjectId')}
            maxLength={200}
            style={{ flex: '1 1 200px' }}
          />
        ) : null}
      </Group>
      <TextInput
        label={t('feedback.surveys.question')}
        value={shownQuestion}
        onChange={(event) => {
          setQuestion(event.currentTarget.value);
          form.clear('question');
        }}
        error={form.errorOf('question')}
        maxLength={500}
      />
      <Group justify="flex-end">
        <Button
          onClick={() => void create()}
          loading={form.isBusy}
          disabled={shownQuestion.trim() === '' || (subjectType !== '' && !subjectId)}
        >
          {t('feedback.surveys.create')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Surveys with their public links: create one, copy its link, end or reopen it (voice:manage). */
export function SurveysPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const list = usePagedList((cursor) => feedbackApi.surveys(org.slug, cursor), org.slug);
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async (survey: Survey) => {
    setBusy(survey.id);
    try {
      const next = await feedbackApi.setSurveyActive(org.slug, survey.id, !survey.active);
      list.setItems((items) => items.map((item) => (item.id === next.id ? next : item)));
      notifySuccess(next.active ? t('feedback.surveys.activated') : t('feedback.surveys.deactivated'));
      onChanged();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  // Newest first: the one just made is where the eye goes.
  const surveys = [...list.items].reverse();
  return (
    <Paper withBorder radius="md" p="md" data-testid="surveys-panel">
      <Title order={4}>{t('feedback.surveys.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('feedback.surveys.description')}
      </Text>
      <CreateSurveyForm onCreated={(survey) => list.setItems((items) => [...items, survey])} />
      <Stack gap="sm" mt="md">
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        {!list.isLoading && surveys.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('feedback.surveys.empty')}
          </Text>
        ) : null}
        {surveys.map((survey) => (
          <Paper key={survey.id} withBorder radius="sm" p="sm" data-testid="survey-row" data-active={survey.active}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs" wrap="wrap">
                <Badge variant="light">{t(`feedback.kinds.${survey.kind}`)}</Badge>
                <Badge color={survey.active ? 'teal' : 'gray'} variant="dot">
                  {survey.active ? t('feedback.surveys.active') : t('feedback.surveys.inactive')}
                </Badge>
                <Text size="sm" fw={500}>
                  {survey.question}
                </Text>
              </Group>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {survey.subjectName ? `${survey.subjectName} · ` : ''}
                  {t('feedback.surveys.responses', { count: survey.responses })}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  color={survey.active ? 'red' : 'blue'}
                  loading={busy === survey.id}
                  onClick={() => void toggle(survey)}
                >
                  {survey.active ? t('feedback.surveys.deactivate') : t('feedback.surveys.activate')}
                </Button>
              </Group>
            </Group>
            {survey.active ? (
              <Stack mt="xs">
                <CopyField label={t('feedback.surveys.link')} value={survey.url} />
              </Stack>
            ) : null}
          </Paper>
        ))}
        <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={() => void list.loadMore()} />
      </Stack>
    </Paper>
  );
}
