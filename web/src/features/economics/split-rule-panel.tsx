import { Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../shared/api/error-messages';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { economicsApi, type SplitRule, type SplitRuleInput } from './economics.api';
import { splitFormula } from './economics-model';
import { SplitRuleModal } from './split-rule-modal';
import { useEconomicsFormat } from './use-economics-format';

interface SplitRulePanelProps {
  teamId: string;
  rule: SplitRule | undefined;
  /** Members of the team (and admins) publish the rule. */
  canEdit: boolean;
  onChange: (rule: SplitRule) => void;
}

/** The team's published split rule written out as a formula, and the way to change it. */
export function SplitRulePanel({ teamId, rule, canEdit, onChange }: SplitRulePanelProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const dates = useFormat();
  const [isOpen, modal] = useDisclosure(false);
  const save = async (input: SplitRuleInput) => {
    const saved = await economicsApi.putSplitRule(org.slug, teamId, input);
    onChange(saved);
    notifySuccess(t('economics.split.saved'));
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="split-rule" data-rule={rule?.rule}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Group gap="xs">
          <Title order={4}>{t('economics.split.title')}</Title>
          {rule ? <Badge variant="light">{t(`economics.splitRules.${rule.rule}`)}</Badge> : null}
        </Group>
        {canEdit && rule ? (
          <Button size="xs" variant="default" onClick={modal.open}>
            {t('economics.split.change')}
          </Button>
        ) : null}
      </Group>
      {rule ? (
        <>
          <Text
            ff="monospace"
            size="sm"
            p="sm"
            bg="var(--mantine-color-gray-0)"
            style={{ borderRadius: 'var(--mantine-radius-sm)', overflowWrap: 'anywhere' }}
            data-testid="split-formula"
          >
            {splitFormula(rule.rule, rule.weights, t, format.decimal)}
          </Text>
          <Text size="xs" c="dimmed" mt="xs">
            {rule.updatedAt ? t('economics.split.updated', { date: dates.date(rule.updatedAt) }) : t('economics.split.default')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('economics.split.appliesToOpen')}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      )}
      {rule ? <SplitRuleModal opened={isOpen} rule={rule} onClose={modal.close} onSubmit={save} /> : null}
    </Paper>
  );
}
