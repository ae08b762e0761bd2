import { Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import type { FeedbackFilter } from './feedback.api';
import { FeedbackFigures } from './feedback-figures';
import { FeedbackFilters } from './feedback-filters';
import { FeedbackResponses } from './feedback-responses';
import { FeedbackTrend } from './feedback-trend';
import { SurveysPanel } from './surveys-panel';

/** Client feedback: NPS, CSAT and CES with their n over dates and a subject, the trend, the responses, surveys. */
export function FeedbackTab() {
  const { t } = useTranslation();
  const { can } = useOrg();
  const [filter, setFilter] = useState<FeedbackFilter>({});
  const [changes, setChanges] = useState(0);
  const key = `${JSON.stringify(filter)}|${changes}`;
  return (
    <Stack gap="md" data-testid="feedback-tab">
      <Text size="sm" c="dimmed">
        {t('feedback.description')}
      </Text>
      <Paper withBorder radius="md" p="md">
        <FeedbackFilters value={filter} onChange={setFilter} />
      </Paper>
      <FeedbackFigures filter={filter} refreshKey={key} />
      <FeedbackTrend filter={filter} refreshKey={key} />
      <FeedbackResponses filter={filter} refreshKey={key} />
      {can('voice:manage') ? <SurveysPanel onChanged={() => setChanges((n) => n + 1)} /> : null}
    </Stack>
  );
}
