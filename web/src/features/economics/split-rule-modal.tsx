import { Button, Group, Modal, NumberInput, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationForm } from '../../shared/use-mutation-form';
import { fieldError } from '../decisions/field-messages';
import { SPLIT_BASES, SPLIT_RULES, type SplitRule, type SplitRuleInput, type SplitRuleName, type SplitWeights } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { splitFormula, weightsSumPpm, weightsToSend } from './economics-model';
import { useEconomicsFormat } from './use-economics-format';

interface SplitRuleModalProps {
  opened: boolean;
  rule: SplitRule;
  onClose: () => void;
  onSubmit: (input: SplitRuleInput) => Promise<unknown>;
}

const FIELDS = ['rule', 'weights', ...SPLIT_BASES.map((basis) => `weights.${basis}`)];

/** Choose how the pool is split: equal, hours, salary, peer points, or a mix whose weights sum to 1; the formula follows live. */
export function SplitRuleModal({ opened, rule, onClose, onSubmit }: SplitRuleModalProps) {
  const { t } = useTranslation();
  const format = useEconomicsFormat();
  const [name, setName] = useState<SplitRuleName>(rule.rule);
  const [weights, setWeights] = useState<SplitWeights>({});
  const form = useMutationForm(FIELDS, { mapError: (error) => localizeEconomicsError(error, format.money) });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts again from the published rule each time it opens
  useEffect(() => {
    if (!opened) return;
    form.clear();
    setName(rule.rule);
    setWeights(rule.weights ?? { equal: 0.5, salary: 0.5 });
  }, [opened]);

  const sumPpm = weightsSumPpm(weights);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name === 'mix' && sumPpm !== 1_000_000)
      return form.handle(fieldError('weights', t('economics.split.weightsMustSum', { sum: format.decimal(sumPpm / 1_000_000) })));
    void form.run(async () => {
      await onSubmit(name === 'mix' ? { rule: name, weights: weightsToSend(weights) } : { rule: name });
      onClose();
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('economics.split.modalTitle')} size="lg" data-testid="split-rule-form">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Radio.Group
            label={t('economics.split.rule')}
            value={name}
            onChange={(value) => {
              setName(value as SplitRuleName);
              form.clear();
            }}
            error={form.errorOf('rule')}
          >
            <Stack gap="xs" mt="xs">
              {SPLIT_RULES.map((option) => (
                <Radio
                  key={option}
                  value={option}
                  label={t(`economics.splitRules.${option}`)}
                  description={t(`economics.splitRuleHints.${option}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {name === 'mix' ? (
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {SPLIT_BASES.map((basis) => (
                  <NumberInput
                    key={basis}
                    label={t(`economics.splitBases.${basis}`)}
                    min={0}
                    max={1}
                    step={0.05}
                    decimalScale={6}
                    decimalSeparator={format.locale === 'ru' ? ',' : '.'}
                    value={weights[basis] ?? ''}
                    onChange={(value) => {
                      setWeights((current) => ({ ...current, [basis]: typeof value === 'number' ? value : 0 }));
                      form.clear('weights');
                    }}
                    error={form.errorOf(`weights.${basis}`)}
                  />
                ))}
              </SimpleGrid>
              <Text size="sm" c={form.errorOf('weights') ? 'red' : sumPpm === 1_000_000 ? 'teal' : 'dimmed'} data-testid="weights-sum">
                {form.errorOf('weights') ?? t('economics.split.weightsSum', { sum: format.decimal(sumPpm / 1_000_000) })}
              </Text>
            </Stack>
          ) : null}
          <Text ff="monospace" size="sm" p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
            {splitFormula(name, name === 'mix' ? weights : null, t, format.decimal)}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={form.isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {t('economics.split.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
