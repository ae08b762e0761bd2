import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { PromiseIcon } from '../../shared/ui/icons';
import { FulfillmentBadge, LifecycleBadge } from '../promises/badges';
import type { PromiseItem, PromiseLifecycle } from '../promises/promises.api';
import { type DraftFactor, measurementOf } from './canvas-draft';
import { useDiscoveryFormat } from './format';
import { promiseChoicesOf } from './promise-choices';

/** The organization's promises, loaded once for every factor of the canvas. */
export interface PromiseList {
  items: PromiseItem[];
  isLoading: boolean;
  hasFailed: boolean;
}

interface FactorBindingProps {
  factor: DraftFactor;
  /** The factor's name as shown (a placeholder while it has none). */
  name: string;
  segmentId: string;
  promises: PromiseList;
  canWrite: boolean;
  onBind: (promiseId: string | null) => void;
  error?: string;
}

/**
 * The promise that measures a factor: a searchable choice among the client promises (clearing it
 * unbinds), and under it what the measure says now, with a link to the promise.
 */
export function FactorBinding({ factor, name, segmentId, promises, canWrite, onBind, error }: FactorBindingProps) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const groups = promiseChoicesOf(promises.items, segmentId, factor.promiseId, intlLocale(i18n.language));
  const lifecycleOf = new Map<string, PromiseLifecycle | null>(groups.flatMap((g) => g.items.map((c) => [c.id, c.lifecycle])));
  const [isChoosing, setChoosing] = useState(false);
  const title = promiseTitleOf(promises.items, factor.promiseId) ?? t('canvas.binding.unknownPromise');
  if (!canWrite && !factor.promiseId) return null;
  // Unbound, the choice stays a quiet button, so a table of guessed factors keeps its rhythm.
  if (!factor.promiseId && !isChoosing) {
    return (
      <Group mt={4}>
        <Button
          variant="subtle"
          color="gray"
          size="compact-xs"
          fw={500}
          leftSection={<PromiseIcon size={12} />}
          onClick={() => setChoosing(true)}
          aria-label={t('canvas.binding.bindNamed', { name })}
          data-testid="bind-factor"
        >
          {t('canvas.binding.bind')}
        </Button>
      </Group>
    );
  }

  const data = groups.map((g) => ({
    group: t(g.group === 'segment' ? 'canvas.binding.groupSegment' : 'canvas.binding.groupOther'),
    items: g.items.map((c) => ({ value: c.id, label: c.title ?? t('canvas.binding.unknownPromise') })),
  }));
  const isEmpty = data.length === 0;
  const placeholder = promises.isLoading ? t('canvas.binding.loading') : t('canvas.binding.placeholder');

  return (
    <Stack gap={4} mt={6} data-testid="factor-binding">
      {canWrite ? (
        <Select
          aria-label={t('canvas.binding.label', { name })}
          placeholder={placeholder}
          data={data}
          value={factor.promiseId}
          onChange={(id) => onBind(id)}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('canvas.binding.unbind') }}
          nothingFoundMessage={isEmpty ? t('canvas.binding.noPromises') : t('canvas.binding.nothingFound')}
          autoFocus={isChoosing && !factor.promiseId}
          defaultDropdownOpened={isChoosing && !factor.promiseId}
          onDropdownClose={() => setChoosing(false)}
          leftSection={<PromiseIcon size={14} />}
          renderOption={({ option }) => {
            const lifecycle = lifecycleOf.get(option.value);
            return (
              <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
                <Text size="xs">{option.label}</Text>
                {lifecycle ? <LifecycleBadge status={lifecycle} /> : null}
              </Group>
            );
          }}
          error={error ?? (promises.hasFailed ? t('canvas.binding.loadFailed') : undefined)}
          size="xs"
          miw={200}
          maxDropdownHeight={280}
          comboboxProps={{ width: 'target', position: 'bottom-start', middlewares: { flip: true, shift: true } }}
        />
      ) : (
        <Anchor component={Link} to={promiseLink(org.slug, factor.promiseId)} size="xs">
          {title}
        </Anchor>
      )}
      {/* A refused binding is never measured: its error says why, a "measured once saved" would mislead. */}
      {error ? null : <MeasurementNote factor={factor} />}
      {canWrite ? (
        <Group gap="sm">
          <Anchor component={Link} to={promiseLink(org.slug, factor.promiseId)} size="xs">
            {t('canvas.binding.open')}
          </Anchor>
          <Anchor
            component="button"
            type="button"
            size="xs"
            c="dimmed"
            onClick={() => onBind(null)}
            aria-label={t('canvas.binding.unbindNamed', { name })}
            data-testid="unbind-factor"
          >
            {t('canvas.binding.unbindShort')}
          </Anchor>
        </Group>
      ) : null}
    </Stack>
  );
}

/** What the binding of a factor measures now: the figure, no data yet, or not until saved. */
function MeasurementNote({ factor }: { factor: DraftFactor }) {
  const { t } = useTranslation();
  const format = useDiscoveryFormat();
  const measurement = measurementOf(factor);
  if (measurement.kind === 'manual') return null;
  if (measurement.kind === 'measured') {
    return (
      <Group gap={6} wrap="wrap" data-testid="binding-note" data-state="measured">
        <FulfillmentBadge status={measurement.status} size="sm" />
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('canvas.binding.measuredAs', {
            attainment: format.percent(measurement.attainment, 1),
            level: format.number(measurement.level),
          })}
        </Text>
      </Group>
    );
  }
  return (
    <Text size="xs" c="dimmed" data-testid="binding-note" data-state={measurement.kind}>
      {measurement.kind === 'noData' ? t('canvas.binding.noData', { level: factor.current }) : t('canvas.binding.pending')}
    </Text>
  );
}

/** The title of a promise in the list, or null when it is not there (not loaded, or no such promise). */
export function promiseTitleOf(promises: readonly PromiseItem[], id: string | null): string | null {
  return (id && promises.find((p) => p.id === id)?.title) || null;
}

function promiseLink(org: string, id: string | null): string {
  return `/o/${org}/promises/${id ?? ''}`;
}
