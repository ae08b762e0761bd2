import { Alert, Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toMinorUnits } from '../../../../src/core/money';
import { ApiError } from '../../shared/api/client';
import { messageOfError } from '../../shared/api/error-messages';
import { addDays, useGovernanceFormat } from '../../shared/governance-format';
import { useOrg } from '../../shared/session/org-context';
import { MoneyInput } from '../../shared/ui/money-input';
import { useMutationForm } from '../../shared/use-mutation-form';
import { ClientSegmentsFields } from './clients-asked';
import { useDecisionFormData, widestCap } from './decision-form-data';
import type { DecisionInput } from './decisions.api';
import { fieldError, localizeGovernanceError } from './field-messages';
import { MAX_OPTIONS, newOption, type OptionDraft, OptionsEditor } from './options-editor';

interface DecisionFormModalProps {
  opened: boolean;
  teamId: string;
  onClose: () => void;
  onSubmit: (input: DecisionInput) => Promise<unknown>;
}

const OPTION_FIELDS = Array.from({ length: MAX_OPTIONS }, (_, i) => [`options.${i}.title`, `options.${i}.description`]).flat();
const SEGMENT_FIELDS = ['touchesSegmentIds', 'adviceFromSegmentIds'].flatMap((f) => [
  f,
  ...Array.from({ length: 20 }, (_, i) => `${f}.${i}`),
]);
const FIELDS = [
  'title',
  'context',
  'rightId',
  'options',
  'amount',
  'advisers',
  'adviceDeadline',
  'reviewDate',
  ...OPTION_FIELDS,
  ...SEGMENT_FIELDS,
];

/** A new decision for the advice process: the situation, the right it is taken under, options, money, whom to ask. */
export function DecisionFormModal({ opened, teamId, onClose, onSubmit }: DecisionFormModalProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useGovernanceFormat();
  const data = useDecisionFormData(org.slug, teamId, opened);
  const [title, setTitle] = useState('');
  const [context, setContext] = useState('');
  const [rightId, setRightId] = useState<string | null>(null);
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [amount, setAmount] = useState<number | string>('');
  const [advisers, setAdvisers] = useState<string[]>([]);
  const [touches, setTouches] = useState<string[]>([]);
  const [adviceSegments, setAdviceSegments] = useState<string[]>([]);
  const [adviceDeadline, setAdviceDeadline] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [optionsError, setOptionsError] = useState<string | undefined>(undefined);
  const saving = useMutationForm(FIELDS, { mapError: localizeGovernanceError });
  const today = format.today();

  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setContext('');
    setRightId(null);
    setOptions([newOption(), newOption()]);
    setAmount('');
    setAdvisers([]);
    setTouches([]);
    setAdviceSegments([]);
    setAdviceDeadline(addDays(today, 7));
    setReviewDate('');
    setOptionsError(undefined);
    saving.clear();
  }, [opened, today, saving.clear]);

  const form = data.data;
  const isHeld = (id: string) => Boolean(form?.teamGrants.has(id) || form?.roleGrants.has(id));
  const rightItems = (form?.rights ?? []).map((right) => ({ value: right.id, label: right.name }));
  // A council may use any right: the ones it holds first. Other teams are offered only the rights they hold.
  const rightData = form?.isCouncil
    ? [
        { group: t('decisions.rightsHeld'), items: rightItems.filter((item) => isHeld(item.value)) },
        { group: t('decisions.rightsOther'), items: rightItems.filter((item) => !isHeld(item.value)) },
      ].filter((group) => group.items.length > 0)
    : rightItems;
  const hasNoRights = form !== null && form !== undefined && form.rights.length === 0;
  const rightsTab = t('governance.tabs.rights');

  /** How the team holds the chosen right, and with what cap. */
  const rightDescription = () => {
    if (!rightId || !form) return t('decisions.rightHint');
    const teamCap = widestCap(form.teamGrants.get(rightId));
    if (teamCap !== undefined) {
      return teamCap === null ? t('decisions.rightHeldNoCap') : t('decisions.rightHeldCap', { cap: format.money(teamCap) });
    }
    const roleGrants = form.roleGrants.get(rightId) ?? [];
    const roleCap = widestCap(roleGrants);
    if (roleCap === undefined) return t('decisions.rightCouncil');
    const roles = [...new Set(roleGrants.map((grant) => grant.holderRoleName ?? grant.holderName))].join(', ');
    return roleCap === null
      ? t('decisions.rightHeldByRoleNoCap', { roles })
      : t('decisions.rightHeldByRoleCap', { roles, cap: format.money(roleCap) });
  };
  const adviserGroups = [
    {
      group: t('decisions.adviserPeople'),
      items: (data.data?.people ?? []).map((person) => ({ value: `user:${person.userId}`, label: `${person.name} · ${person.email}` })),
    },
    { group: t('decisions.adviserTeams'), items: (data.data?.teams ?? []).map((team) => ({ value: `team:${team.id}`, label: team.name })) },
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOptionsError(undefined);
    if (!rightId) return saving.handle(fieldError('rightId', 'required'));
    const asksAdvice = advisers.length > 0 || adviceSegments.length > 0;
    if (asksAdvice && !adviceDeadline) return saving.handle(fieldError('adviceDeadline', t('decisions.errors.deadlineRequired')));
    void saving.run(
      async () => {
        await onSubmit({
          title,
          context,
          teamId,
          rightId,
          options: options.map(({ title: optionTitle, description }) => ({ title: optionTitle, description })),
          amount: toMinorUnits(amount, org.currency),
          advisers: advisers.map((value) => {
            const [type, id = ''] = value.split(':') as ['user' | 'team', string];
            return { type, id };
          }),
          adviceDeadline: asksAdvice ? adviceDeadline : null,
          reviewDate: reviewDate || null,
          touchesSegmentIds: touches,
          adviceFromSegmentIds: adviceSegments,
        });
        onClose();
      },
      {
        onError: (error) => {
          if (!(error instanceof ApiError && error.code === 'too_few_options')) return error;
          setOptionsError(messageOfError(error));
          saving.clear();
          return null;
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('decisions.createTitle')} size="xl" data-testid="decision-form">
      {hasNoRights ? (
        <Stack data-testid="no-rights">
          <Alert color="gray" variant="light" title={t('decisions.noRightsTitle')}>
            <Text size="sm">{t('decisions.noRightsHint', { tab: rightsTab })}</Text>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button component={Link} to={`/o/${org.slug}/teams/${teamId}?tab=rights`} onClick={onClose}>
              {t('decisions.openRights', { tab: rightsTab })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {data.error ? <Alert color="red">{messageOfError(data.error)}</Alert> : null}
            <TextInput
              label={t('decisions.titleLabel')}
              placeholder={t('decisions.titlePlaceholder')}
              value={title}
              onChange={(event) => {
                setTitle(event.currentTarget.value);
                saving.clear('title');
              }}
              error={saving.errorOf('title')}
              required
              data-autofocus
            />
            <Textarea
              label={t('decisions.context')}
              description={t('decisions.contextHint')}
              autosize
              minRows={3}
              maxRows={8}
              value={context}
              onChange={(event) => {
                setContext(event.currentTarget.value);
                saving.clear('context');
              }}
              error={saving.errorOf('context')}
            />
            <Select
              label={t('decisions.right')}
              description={rightDescription()}
              placeholder={data.isLoading ? t('common.loading') : t('decisions.rightPlaceholder')}
              data={rightData}
              value={rightId}
              onChange={(value) => {
                setRightId(value);
                saving.clear('rightId');
              }}
              error={saving.errorOf('rightId')}
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              required
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <OptionsEditor
              options={options}
              onChange={(next) => {
                setOptions(next);
                setOptionsError(undefined);
              }}
              errorOf={saving.errorOf}
              onEdit={saving.clear}
              error={optionsError}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MoneyInput
                description={t('decisions.amountHint')}
                value={amount}
                onChange={(value) => {
                  setAmount(value);
                  saving.clear('amount');
                }}
                error={saving.errorOf('amount')}
              />
              <TextInput
                type="date"
                label={t('decisions.reviewDate')}
                description={t('decisions.reviewDateHint')}
                value={reviewDate}
                onChange={(event) => {
                  setReviewDate(event.currentTarget.value);
                  saving.clear('reviewDate');
                }}
                min={today}
                error={saving.errorOf('reviewDate')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect
                label={t('decisions.advisers')}
                description={t('decisions.advisersHint')}
                placeholder={advisers.length ? undefined : t('decisions.advisersPlaceholder')}
                data={adviserGroups}
                value={advisers}
                onChange={(value) => {
                  setAdvisers(value);
                  saving.clear('advisers');
                  saving.clear('adviceDeadline');
                }}
                error={saving.errorOf('advisers')}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
              <TextInput
                type="date"
                label={t('decisions.adviceDeadline')}
                description={t('decisions.adviceDeadlineHint')}
                value={adviceDeadline}
                onChange={(event) => {
                  setAdviceDeadline(event.currentTarget.value);
                  saving.clear('adviceDeadline');
                }}
                min={today}
                disabled={advisers.length === 0 && adviceSegments.length === 0}
                error={saving.errorOf('adviceDeadline')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </SimpleGrid>
            <ClientSegmentsFields
              touches={touches}
              asked={adviceSegments}
              onTouches={(ids) => {
                setTouches(ids);
                saving.clear('touchesSegmentIds');
              }}
              onAsked={(ids) => {
                setAdviceSegments(ids);
                saving.clear('adviceFromSegmentIds');
                saving.clear('adviceDeadline');
              }}
              errorOf={saving.errorOf}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={saving.isBusy}>
                {advisers.length > 0 || adviceSegments.length > 0 ? t('decisions.createAndAsk') : t('decisions.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
