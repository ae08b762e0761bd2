import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIsNarrow } from '../../shared/ui/data-list';
import { PlusIcon } from '../../shared/ui/icons';
import { addFactor, MAX_FACTORS } from './canvas-draft';
import { FactorRow, type FactorRowProps } from './factor-row';

type FactorsEditorProps = Omit<FactorRowProps, 'factor' | 'index' | 'isNarrow'>;

/** The factors of the canvas in their order, with a level for every curve. */
export function FactorsEditor(props: FactorsEditorProps) {
  const { t } = useTranslation();
  const isNarrow = useIsNarrow();
  const { draft, canWrite, update } = props;
  const isFull = draft.factors.length >= MAX_FACTORS;
  const rows = draft.factors.map((factor, index) => (
    <FactorRow key={factor.key} {...props} factor={factor} index={index} isNarrow={isNarrow} />
  ));
  return (
    <Paper withBorder radius="md" p="md" data-testid="factors-editor">
      <Group justify="space-between" gap="xs" mb={4}>
        <Title order={4}>{t('canvas.factorsTitle', { count: draft.factors.length, max: MAX_FACTORS })}</Title>
        {canWrite ? (
          <Button size="xs" leftSection={<PlusIcon size={14} />} onClick={() => update(addFactor)} disabled={isFull}>
            {t('canvas.addFactor')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb={canWrite ? 4 : 'sm'}>
        {isFull ? t('canvas.factorsFull', { max: MAX_FACTORS }) : t('canvas.factorsHint')}
      </Text>
      {canWrite ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('canvas.binding.hint')}
        </Text>
      ) : null}
      {draft.factors.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {canWrite ? t('canvas.noFactorsHint') : t('canvas.noFactors')}
        </Text>
      ) : isNarrow ? (
        <Stack gap="xs">{rows}</Stack>
      ) : (
        <Table.ScrollContainer minWidth={560 + draft.competitors.length * 84} type="native">
          <Table verticalSpacing={6} horizontalSpacing="xs" data-testid="factors-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={28}>#</Table.Th>
                <Table.Th>{t('canvas.factor')}</Table.Th>
                {[
                  props.currentLabel,
                  props.targetLabel,
                  ...draft.competitors.map((c, j) => c.name || t('canvas.competitorName', { n: j + 1 })),
                ].map((label, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <Table.Th key={j} w={84} fz="xs" style={{ lineHeight: 1.2, verticalAlign: 'bottom' }}>
                    <Text size="xs" fw={600} lineClamp={2} title={label}>
                      {label}
                    </Text>
                  </Table.Th>
                ))}
                <Table.Th w={110}>{t('canvas.errcColumn')}</Table.Th>
                {canWrite ? <Table.Th w={100} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{rows}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
