import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Gain, Need, Pain } from '../../shared/api/types';
import { EvidenceBadge, JobKindBadge, PainStatusBadge, PriorityBadge, ScoreDots } from './badges';
import { ItemFrame } from './item-frame';
import { useProfileFrame } from './use-item-frame';
import { useWorkspace } from './workspace-context';
import { namesOf } from './workspace-model';

export function NeedCard({ need }: { need: Need }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const frame = useProfileFrame('need', need);
  return (
    <ItemFrame {...frame} testId="need-card">
      <Text size="sm" fw={500}>
        {need.text}
      </Text>
      <Group gap="sm" wrap="wrap">
        <JobKindBadge kind={need.jobKind} />
        <ScoreDots label={t('workspace.importance')} value={need.importance} />
        <EvidenceBadge count={need.evidenceCount} onClick={() => ws.openEvidence({ kind: 'need', item: need })} />
      </Group>
    </ItemFrame>
  );
}

export function PainCard({ pain }: { pain: Pain }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const frame = useProfileFrame('pain', pain);
  const context = (
    [
      ['where', pain.contextWhere],
      ['when', pain.contextWhen],
      ['who', pain.contextWho],
      ['channel', pain.contextChannel],
    ] as const
  ).filter(([, value]) => value);
  const relievers = namesOf(ws.data, pain.answeredBy);
  return (
    <ItemFrame {...frame} testId="pain-card" attributes={{ 'data-priority': pain.priority, 'data-pain-id': pain.id }}>
      <Group gap="xs" wrap="wrap" align="flex-start">
        <PriorityBadge severity={pain.severity} frequency={pain.frequency} priority={pain.priority} />
        <Text size="sm" fw={500} style={{ flex: '1 1 180px' }}>
          {pain.text}
        </Text>
      </Group>
      <Group gap="sm" wrap="wrap">
        <ScoreDots label={t('workspace.severity')} value={pain.severity} />
        <ScoreDots label={t('workspace.frequency')} value={pain.frequency} />
        <PainStatusBadge status={pain.status} />
        <EvidenceBadge count={pain.evidenceCount} onClick={() => ws.openEvidence({ kind: 'pain', item: pain })} />
      </Group>
      {context.length > 0 ? (
        <Text size="xs" c="dimmed">
          {context.map(([key, value]) => `${t(`workspace.context.${key}`)}: ${value}`).join(' · ')}
        </Text>
      ) : null}
      <LinkedNames
        names={relievers}
        label={t('workspace.answeredBy')}
        missing={pain.status === 'open' ? t('workspace.unansweredShort') : null}
      />
    </ItemFrame>
  );
}

export function GainCard({ gain }: { gain: Gain }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const frame = useProfileFrame('gain', gain);
  return (
    <ItemFrame {...frame} testId="gain-card">
      <Text size="sm" fw={500}>
        {gain.text}
      </Text>
      <Group gap="sm" wrap="wrap">
        <ScoreDots label={t('workspace.relevance')} value={gain.relevance} />
        <EvidenceBadge count={gain.evidenceCount} onClick={() => ws.openEvidence({ kind: 'gain', item: gain })} />
      </Group>
      <LinkedNames names={namesOf(ws.data, gain.createdBy)} label={t('workspace.createdBy')} missing={null} />
    </ItemFrame>
  );
}

/** The other side of the links: "Answered by: …", or a warning when nothing answers it. */
export function LinkedNames({ names, label, missing }: { names: { id: string; name: string }[]; label: string; missing: string | null }) {
  if (names.length === 0) {
    return missing ? (
      <Text size="xs" c="red.7" fw={500}>
        {missing}
      </Text>
    ) : null;
  }
  return (
    <Group gap={4} wrap="wrap">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {names.map((item) => (
        <Text
          key={item.id}
          span
          size="xs"
          fw={500}
          c="teal.9"
          bg="teal.0"
          px={8}
          py={1}
          maw="100%"
          lineClamp={2}
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        >
          {item.name}
        </Text>
      ))}
    </Group>
  );
}
