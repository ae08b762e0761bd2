import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PriorityBadge } from './badges';
import { useDiscoveryFormat } from './format';
import { useWorkspace } from './workspace-context';

const SHOWN = 5;

/** The server's fit of the value proposition, and the open pains nothing answers yet. */
export function FitPanel() {
  const { t } = useTranslation();
  const format = useDiscoveryFormat();
  const ws = useWorkspace();
  const { fit } = ws.data;
  const color = fit.fit >= 0.8 ? 'teal' : fit.fit >= 0.5 ? 'yellow' : 'red';
  return (
    <Paper withBorder radius="md" p="md" data-testid="fit-panel">
      <Group align="flex-start" justify="space-between" gap="xl" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Text size="sm" fw={600} c="dimmed">
            {t('workspace.fitLabel')}
          </Text>
          {fit.hasPains ? (
            <>
              <Group align="baseline" gap="sm" wrap="wrap">
                <Text fz={34} fw={700} lh={1} c={`${color}.8`} data-testid="fit-value">
                  {format.percent(fit.fit)}
                </Text>
                <Text size="sm">
                  {t('workspace.fitDetail', { answered: fit.answeredSeverity, total: fit.totalSeverity, count: fit.totalSeverity })}
                </Text>
              </Group>
              <Progress value={fit.fit * 100} color={color} size="lg" radius="xl" aria-label={t('workspace.fitLabel')} />
            </>
          ) : (
            <>
              <Text fz={22} fw={700} lh={1.2} data-testid="fit-value">
                {t('workspace.noPains')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('workspace.noPainsHint')}
              </Text>
            </>
          )}
          <Text size="xs" c="dimmed">
            {t('workspace.fitRule')}
          </Text>
        </Stack>
        <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }} data-testid="unanswered-pains">
          <Text size="sm" fw={600}>
            {t('workspace.unansweredTitle', { count: fit.unanswered.length })}
          </Text>
          {fit.unanswered.length === 0 ? (
            <Text size="sm" c={fit.hasPains ? 'teal.8' : 'dimmed'}>
              {fit.hasPains ? t('workspace.allAnswered') : t('workspace.nothingToAnswer')}
            </Text>
          ) : (
            fit.unanswered.slice(0, SHOWN).map((pain) => (
              <Group
                key={pain.id}
                gap="xs"
                wrap="nowrap"
                align="flex-start"
                onMouseEnter={() => (ws.linking ? undefined : ws.setFocus({ side: 'profile', id: pain.id }))}
                onMouseLeave={() => (ws.linking ? undefined : ws.setFocus(null))}
              >
                <PriorityBadge severity={pain.severity} frequency={pain.frequency} priority={pain.priority} />
                <Text size="sm" lineClamp={2}>
                  {pain.text}
                </Text>
              </Group>
            ))
          )}
          {fit.unanswered.length > SHOWN ? (
            <Text size="xs" c="dimmed">
              {t('workspace.unansweredMore', { count: fit.unanswered.length - SHOWN })}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}
