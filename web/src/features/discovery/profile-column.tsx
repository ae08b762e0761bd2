import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileKind } from './discovery.api';
import { GainCard, NeedCard, PainCard } from './profile-cards';
import { useWorkspace } from './workspace-context';
import { WorkspaceSection } from './workspace-section';

/** The left half of the Value Proposition Canvas: the client's jobs, pains and gains. */
export function ProfileColumn() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { needs, pains, gains } = ws.data;
  const section = (kind: ProfileKind, count: number) => ({
    title: t(`workspace.profileTitles.${kind}`),
    count,
    emptyHint: t(`workspace.profileEmpty.${kind}`),
    addLabel: t(`workspace.profileAdd.${kind}`),
    onAdd: ws.canWrite && !ws.linking ? () => ws.openForm({ kind }) : undefined,
    testId: `section-${kind}s`,
  });
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="customer-profile">
      <Stack gap={2} mb="md">
        <Title order={3}>{t('workspace.profileTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('workspace.profileHint')}
        </Text>
      </Stack>
      <Stack gap="lg">
        <WorkspaceSection {...section('need', needs.length)}>
          {needs.map((need) => (
            <NeedCard key={need.id} need={need} />
          ))}
        </WorkspaceSection>
        <WorkspaceSection {...section('pain', pains.length)}>
          {pains.map((pain) => (
            <PainCard key={pain.id} pain={pain} />
          ))}
        </WorkspaceSection>
        <WorkspaceSection {...section('gain', gains.length)}>
          {gains.map((gain) => (
            <GainCard key={gain.id} gain={gain} />
          ))}
        </WorkspaceSection>
      </Stack>
    </Paper>
  );
}
