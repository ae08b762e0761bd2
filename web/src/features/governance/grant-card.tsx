import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';
import { useGovernanceFormat } from './format';
import type { Grant } from './governance.api';
import { type GrantState, grantState } from './rights-model';

export const STATE_COLORS: Record<GrantState, string> = { active: 'teal', revoked: 'red', inactive: 'gray' };

export interface GrantActions {
  onHistory: () => void;
  onDelegate?: () => void;
  onNarrow?: () => void;
  onRevoke?: () => void;
}

interface GrantCardProps {
  grant: Grant;
  /** Who holds it, as the team page says it: "the team" or "role Engineer on duty". */
  holderLabel: string;
  /** The names from the organization or council down to the holder. */
  origin: string[];
  /** Grants passed on from this one, with their holders' names as shown. */
  passedOn: { grant: Grant; label: string }[];
  actions: GrantActions;
}

/** One right a team or its role holds: limits, where it came from, what was passed on, what may be done. */
export function GrantCard({ grant, holderLabel, origin, passedOn, actions }: GrantCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useGovernanceFormat();
  const state = grantState(grant);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="team-grant"
      data-right={grant.rightName}
      data-state={state}
      data-active={String(grant.active)}
      style={state === 'active' ? undefined : { opacity: 0.75, borderStyle: 'dashed' }}
    >
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Group gap="xs" wrap="wrap">
              <Text fw={700} td={state === 'revoked' ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
                {grant.rightName}
              </Text>
              <Badge variant="light" color={STATE_COLORS[state]} data-testid="grant-state">
                {t(`governance.states.${state}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {holderLabel}
            </Text>
          </Stack>
          <Group gap={6} wrap="wrap">
            <Button size="compact-sm" variant="default" onClick={actions.onHistory}>
              {t('governance.grants.history')}
            </Button>
            {actions.onDelegate ? (
              <Button size="compact-sm" variant="light" onClick={actions.onDelegate}>
                {t('governance.grants.delegate')}
              </Button>
            ) : null}
            {actions.onNarrow ? (
              <Button size="compact-sm" variant="light" color="orange" onClick={actions.onNarrow}>
                {t('governance.grants.narrow')}
              </Button>
            ) : null}
            {actions.onRevoke ? (
              <Button size="compact-sm" variant="light" color="red" onClick={actions.onRevoke}>
                {t('governance.grants.revoke')}
              </Button>
            ) : null}
          </Group>
        </Group>
        <Group gap="lg" wrap="wrap">
          <Fact label={t('governance.limits.cap')} value={money.cap(grant.limits)} />
          <Fact
            label={t('governance.limits.scope')}
            value={grant.limits.scope ?? t('governance.limits.anyScope')}
            dimmed={!grant.limits.scope}
          />
          <Fact label={t('governance.grants.since')} value={format.date(grant.createdAt)} />
          {grant.revokedAt !== null ? <Fact label={t('governance.grants.revokedAt')} value={format.date(grant.revokedAt)} /> : null}
        </Group>
        <div>
          <Text size="xs" c="dimmed">
            {t('governance.grants.origin')}
          </Text>
          <Text size="sm" data-testid="grant-origin">
            {origin.map((name, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a chain is read in order and may repeat a name
              <Fragment key={index}>
                {index > 0 ? (
                  <Text span c="dimmed" mx={6} aria-hidden="true">
                    →
                  </Text>
                ) : null}
                <Text span fw={index === origin.length - 1 ? 600 : undefined}>
                  {name}
                </Text>
              </Fragment>
            ))}
          </Text>
        </div>
        {passedOn.length > 0 ? (
          <div>
            <Text size="xs" c="dimmed">
              {t('governance.grants.passedOn')}
            </Text>
            <Group gap={6} mt={2}>
              {passedOn.map((child) => (
                <Badge
                  key={child.grant.id}
                  variant="outline"
                  color={STATE_COLORS[grantState(child.grant)]}
                  tt="none"
                  fw={500}
                  style={{ maxWidth: '100%' }}
                >
                  {child.label} · {money.shortCap(child.grant.limits)}
                  {child.grant.active ? '' : ` · ${t(`governance.states.${grantState(child.grant)}`)}`}
                </Badge>
              ))}
            </Group>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Fact({ label, value, dimmed }: { label: string; value: string; dimmed?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" c={dimmed ? 'dimmed' : undefined}>
        {value}
      </Text>
    </div>
  );
}
