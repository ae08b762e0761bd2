import { Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgPath } from '../../shared/api/client';
import { useOrg } from '../../shared/session/org-context';
import { DownloadMenu } from '../../shared/ui/download-menu';
import type { FeedbackFilter } from './feedback.api';
import { FeedbackFigures } from './feedback-figures';
import { FeedbackFilters } from './feedback-filters';
import { FeedbackResponses } from './feedback-responses';
import { FeedbackTrend } from './feedback-trend';
import { SurveysPanel } from './surveys-panel';

/** Client feedback: NPS, CSAT and CES with their n over dates and a subject, the trend, the responses, surveys. */
export function FeedbackTab() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const [filter, setFilter] = useState<FeedbackFilter>({});
  const [changes, setChanges] = useState(0);
  const key = `${JSON.stringify(filter)}|${changes}`;
  return (
    <Stack gap="md" data-testid="feedback-tab">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Text size="sm" c="dimmed">
          {t('feedback.description')}
        </Text>
        <DownloadMenu
          path={orgPath(org.slug, 'feedback', 'summary', 'export')}
          table={t('download.tables.feedback')}
          filters={{ ...filter }}
          testId="download-feedback"
        />
      </Group>
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
