import { ActionIcon, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChevronIcon, TrashIcon } from '../../shared/ui/icons';
import {
  actionOf,
  bindFactor,
  type CanvasDraft,
  type DraftFactor,
  moveFactor,
  removeFactor,
  setCompetitorLevel,
  updateFactor,
} from './canvas-draft';
import { ERRC_COLORS } from './discovery-options';
import { FactorBinding, type PromiseList, promiseTitleOf } from './factor-binding';
import { LevelInput } from './level-input';
import { MeasuredLevel } from './measured-level';

export interface FactorRowProps {
  factor: DraftFactor;
  index: number;
  draft: CanvasDraft;
  canWrite: boolean;
  update: (change: (draft: CanvasDraft) => CanvasDraft) => void;
  errorOf: (key: string) => string | undefined;
  clearError: (key: string) => void;
  currentLabel: string;
  targetLabel: string;
  isNarrow: boolean;
  /** The canvas's segment: its promises are offered first. */
  segmentId: string;
  promises: PromiseList;
}

/** One factor: its name, the current and target level, one level per competitor, its ERRC action. */
export function FactorRow(props: FactorRowProps) {
  const { t } = useTranslation();
  const { factor, index, draft, canWrite, update, errorOf, clearError } = props;
  const name = factor.name || t('canvas.factorN', { n: index + 1 });
  const action = actionOf(factor);
  const set = (field: 'current' | 'target', level: number) => {
    update((d) => updateFactor(d, factor.key, { [field]: level }));
    clearError(`${factor.key}.${field}`);
  };
  const bind = (promiseId: string | null) => {
    update((d) => bindFactor(d, factor.key, promiseId));
    clearError(`${factor.key}.promiseId`);
  };

  const nameInput = (
    <TextInput
      aria-label={t('canvas.factorName', { n: index + 1 })}
      placeholder={t('canvas.factorPlaceholder')}
      value={factor.name}
      readOnly={!canWrite}
      variant={canWrite ? 'default' : 'filled'}
      autoFocus={!factor.id && factor.name === ''}
      onChange={(event) => {
        const value = event.currentTarget.value;
        update((d) => updateFactor(d, factor.key, { name: value }));
        clearError(`${factor.key}.name`);
      }}
      error={errorOf(`${factor.key}.name`)}
      size="xs"
      miw={160}
    />
  );
  const binding = (
    <FactorBinding
      factor={factor}
      name={name}
      segmentId={props.segmentId}
      promises={props.promises}
      canWrite={canWrite}
      onBind={bind}
      error={errorOf(`${factor.key}.promiseId`)}
    />
  );
  const levels = [
    { key: 'current', label: props.currentLabel, value: factor.current, onChange: (l: number) => set('current', l) },
    { key: 'target', label: props.targetLabel, value: factor.target, onChange: (l: number) => set('target', l) },
    ...draft.competitors.map((competitor, j) => ({
      key: `level-${competitor.key}`,
      label: competitor.name || t('canvas.competitorName', { n: j + 1 }),
      value: factor.levels[j] ?? 0,
      onChange: (l: number) => {
        update((d) => setCompetitorLevel(d, factor.key, j, l));
        clearError(`${factor.key}.competitorLevels`);
      },
    })),
  ].map((level) =>
    // While bound to a promise the current level is the promise's, not typed by hand.
    level.key === 'current' && factor.promiseId ? (
      <MeasuredLevel
        key={level.key}
        factor={factor}
        label={`${level.label}: ${name}`}
        promiseTitle={promiseTitleOf(props.promises.items, factor.promiseId) ?? t('canvas.binding.unknownPromise')}
      />
    ) : (
      <LevelInput
        key={level.key}
        label={`${level.label}: ${name}`}
        value={level.value}
        onChange={level.onChange}
        readOnly={!canWrite}
        error={level.key === 'current' || level.key === 'target' ? errorOf(`${factor.key}.${level.key}`) : undefined}
      />
    ),
  );
  const actionBadge = (
    <Badge variant="light" color={ERRC_COLORS[action]} data-testid="factor-action">
      {t(`canvas.errc.${action}`)}
    </Badge>
  );
  const controls = canWrite ? (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={t('canvas.moveUp')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          disabled={index === 0}
          style={{ visibility: index === 0 ? 'hidden' : undefined }}
          aria-label={t('canvas.moveUpNamed', { name })}
          onClick={() => update((d) => moveFactor(d, factor.key, -1))}
        >
          <span style={{ display: 'flex', transform: 'rotate(180deg)' }}>
            <ChevronIcon open size={16} />
          </span>
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('canvas.moveDown')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          disabled={index === draft.factors.length - 1}
          style={{ visibility: index === draft.factors.length - 1 ? 'hidden' : undefined }}
          aria-label={t('canvas.moveDownNamed', { name })}
          onClick={() => update((d) => moveFactor(d, factor.key, 1))}
        >
          <ChevronIcon open size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('canvas.removeFactor')}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('canvas.removeFactorNamed', { name })}
          onClick={() => update((d) => removeFactor(d, factor.key))}
        >
          <TrashIcon size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  ) : null;
  const levelErrors = errorOf(`${factor.key}.competitorLevels`);

  if (props.isNarrow) {
    const labels = [
      props.currentLabel,
      props.targetLabel,
      ...draft.competitors.map((c, j) => c.name || t('canvas.competitorName', { n: j + 1 })),
    ];
    return (
      <Paper withBorder radius="md" p="sm" data-testid="factor-row">
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" mt={6}>
              {index + 1}.
            </Text>
            <div style={{ flex: 1 }}>
              {nameInput}
              {binding}
            </div>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing={6}>
            {levels.map((input, j) => (
              <Group key={labels[j]} gap={6} wrap="nowrap" justify="space-between">
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {labels[j]}
                </Text>
                {input}
              </Group>
            ))}
          </SimpleGrid>
          {levelErrors ? (
            <Text size="xs" c="red">
              {levelErrors}
            </Text>
          ) : null}
          <Group justify="space-between">
            {actionBadge}
            {controls}
          </Group>
        </Stack>
      </Paper>
    );
  }
  return (
    <Table.Tr data-testid="factor-row">
      <Table.Td c="dimmed" fz="sm">
        {index + 1}
      </Table.Td>
      <Table.Td>
        {nameInput}
        {binding}
        {levelErrors ? (
          <Text size="xs" c="red">
            {levelErrors}
          </Text>
        ) : null}
      </Table.Td>
      {levels.map((input, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional (current, target, competitors in order)
        <Table.Td key={j}>{input}</Table.Td>
      ))}
      <Table.Td>{actionBadge}</Table.Td>
      {canWrite ? <Table.Td>{controls}</Table.Td> : null}
    </Table.Tr>
  );
}
