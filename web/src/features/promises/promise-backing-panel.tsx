import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { missingBacking, undeclaredBacking, useTeamBacking } from './promise-backing';
import { type PromiseItem, teamOf } from './promises.api';

interface BackingPanelProps {
  promise: PromiseItem;
  /** The last "Publish" was refused (the refusal itself is shown at the top of the page). */
  isRefused: boolean;
  refreshKey: number;
}

/**
 * What the promise needs to be kept (the team's capabilities and decision rights), whether the team
 * holds each now, and — for a published promise that lost one — since when it is unbacked.
 */
export function PromiseBackingPanel({ promise, isRefused, refreshKey }: BackingPanelProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const team = teamOf(promise);
  // Read the team's grants again after a publish attempt or a refresh.
  const backing = useTeamBacking(org.slug, team.id, true, refreshKey);
  const required = { requiredCapabilityIds: promise.requiredCapabilityIds, requiredRightIds: promise.requiredRightIds };
  const hasRequirements = required.requiredCapabilityIds.length + required.requiredRightIds.length > 0;
  const missing = backing.data ? missingBacking(required, backing.data) : null;
  // A promise to clients declares at least one capability and one right, unless an admin waived that.
  const undeclared = promise.backingWaiver ? [] : undeclaredBacking(promise.kind, required);
  const lacks = missing !== null && missing.capabilities.length + missing.rights.length > 0;
  const draftState =
    promise.status !== 'draft' || !missing || isRefused
      ? null
      : lacks
        ? { color: 'orange.8', text: t('promises.backing.draftMissing') }
        : undeclared.length > 0
          ? { color: 'orange.8', text: t('promises.backing.draftUndeclared') }
          : { color: 'teal.8', text: t('promises.backing.draftBacked') };
  const waived = promise.backingWaiver ? (
    <Text size="sm" c="dimmed" data-testid="backing-waived-line">
      {t('promises.backing.waivedPanel')}
    </Text>
  ) : null;
  const draftLine = draftState ? (
    <Text size="sm" c={draftState.color} data-testid="draft-backing-state">
      {draftState.text}
    </Text>
  ) : null;
  const capabilityNames = new Map((backing.data?.capabilities ?? []).map((c) => [c.id, c.name]));
  const rightNames = new Map((backing.data?.rights ?? []).map((r) => [r.id, r.name]));
  const unbackedNames = new Map(
    [...(promise.unbacked?.capabilities ?? []), ...(promise.unbacked?.rights ?? [])].map((m) => [m.id, m.name]),
  );
  const isMissing = (id: string) => Boolean(missing?.capabilities.some((m) => m.id === id) || missing?.rights.some((m) => m.id === id));

  const row = (id: string, name: string | undefined, kind: 'capability' | 'right') => {
    const lacks = isMissing(id);
    return (
      <List.Item
        key={`${kind}-${id}`}
        data-testid="backing-item"
        data-held={!lacks}
        icon={
          <ThemeIcon size={18} radius="xl" color={lacks ? 'red' : 'teal'} variant="light">
            <Text size="xs" fw={700} aria-hidden>
              {lacks ? '✕' : '✓'}
            </Text>
          </ThemeIcon>
        }
      >
        <Group gap={6} wrap="wrap">
          <Text size="sm">
            {name || unbackedNames.get(id) || t(kind === 'right' ? 'promises.backing.unknownRight' : 'promises.backing.unknownCapability')}
          </Text>
          <Badge size="xs" variant="light" color={lacks ? 'red' : 'teal'}>
            {lacks ? t('promises.backing.lacks') : t('promises.backing.holds')}
          </Badge>
        </Group>
      </List.Item>
    );
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="promise-backing">
      <Stack gap="xs">
        <Title order={3}>{t('promises.backing.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('promises.backing.hint', { team: team.name })}
        </Text>
        {backing.error ? (
          <ErrorState error={backing.error} onRetry={backing.reload} />
        ) : !backing.data ? (
          <LoadingState />
        ) : !hasRequirements ? (
          <Stack gap="sm">
            <Text size="sm">{t('promises.backing.nothingRequired')}</Text>
            {waived}
            {draftLine}
          </Stack>
        ) : (
          <Stack gap="sm">
            {promise.requiredCapabilityIds.length > 0 ? (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('promises.backing.capabilities')}
                </Text>
                <List spacing={4} center>
                  {promise.requiredCapabilityIds.map((id) => row(id, capabilityNames.get(id), 'capability'))}
                </List>
              </Stack>
            ) : null}
            {promise.requiredRightIds.length > 0 ? (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('promises.backing.rights')}
                </Text>
                <List spacing={4} center>
                  {promise.requiredRightIds.map((id) => row(id, rightNames.get(id), 'right'))}
                </List>
              </Stack>
            ) : null}
            {waived}
            {draftLine}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
