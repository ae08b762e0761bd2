import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobKind, PainStatus, SegmentKind } from '../../shared/api/types';
import { JOB_KIND_COLORS, PAIN_STATUS_COLORS, priorityColor, SEGMENT_KIND_COLORS } from './discovery-options';

export function SegmentKindBadge({ kind }: { kind: SegmentKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={SEGMENT_KIND_COLORS[kind]}>
      {t(`segments.kinds.${kind}`)}
    </Badge>
  );
}

export function JobKindBadge({ kind }: { kind: JobKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={JOB_KIND_COLORS[kind]} size="sm">
      {t(`workspace.jobKinds.${kind}`)}
    </Badge>
  );
}

export function PainStatusBadge({ status }: { status: PainStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={PAIN_STATUS_COLORS[status]} size="sm">
      {t(`workspace.painStatuses.${status}`)}
    </Badge>
  );
}

/** Priority = severity × frequency, with the product spelled out on hover. */
export function PriorityBadge({ severity, frequency, priority }: { severity: number; frequency: number; priority: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('workspace.priorityFormula', { severity, frequency, priority })}>
      <Badge variant="filled" color={priorityColor(priority)} size="md" data-testid="pain-priority" style={{ cursor: 'help' }}>
        {t('workspace.priorityShort', { priority })}
      </Badge>
    </Tooltip>
  );
}

/** "3 pieces of evidence" when something backs the claim, else a plain "assumption" warning. */
export function EvidenceBadge({ count, onClick }: { count: number; onClick?: () => void }) {
  const { t } = useTranslation();
  const label = count > 0 ? t('evidence.count', { count }) : t('evidence.assumption');
  return (
    <Tooltip label={count > 0 ? t('evidence.openHint') : t('evidence.assumptionHint')} multiline w={260}>
      <Badge
        component="button"
        type="button"
        onClick={(event) => {
          // Inside a card that links on click: opening the evidence must not toggle a link too.
          event.stopPropagation();
          onClick?.();
        }}
        variant="light"
        color={count > 0 ? 'teal' : 'yellow'}
        size="sm"
        style={{ cursor: onClick ? 'pointer' : undefined, border: 0 }}
        data-testid="evidence-badge"
      >
        {label}
      </Badge>
    </Tooltip>
  );
}

/** A 1–5 score as five dots with its name, e.g. "Severity ●●●●○". */
export function ScoreDots({ label, value }: { label: string; value: number }) {
  return (
    <Group gap={4} wrap="nowrap" aria-label={`${label}: ${value}/5`} role="img">
      <Text size="xs" c="dimmed" aria-hidden="true">
        {label}
      </Text>
      <Group gap={2} wrap="nowrap" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((n) => (
          <span
            key={n}
            style={{
              width: 7,
              height: 7,
              borderRadius: '50%',
              background: n <= value ? 'var(--mantine-color-dark-4)' : 'var(--mantine-color-gray-3)',
            }}
          />
        ))}
      </Group>
    </Group>
  );
}
