import { Button, NumberInput, Table, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinorUnits } from '../../../../src/core/money';
import { ApiError } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { fromMinorUnits, MoneyInput } from '../../shared/ui/money-input';
import { useMutationForm } from '../../shared/use-mutation-form';
import { type EconomicsMember, economicsApi } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { useEconomicsFormat } from './use-economics-format';

interface MemberInputsRowProps {
  period: string;
  teamId: string;
  member: EconomicsMember;
  disabled: boolean;
  onSaved: () => void;
}

/** One member's hours and salary for the month, saved on its own; errors stay on the row's fields. */
export function MemberInputsRow({ period, teamId, member, disabled, onSaved }: MemberInputsRowProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [hours, setHours] = useState<number | string>(member.hours);
  const [salary, setSalary] = useState<number | string>(fromMinorUnits(member.salaryMinor, org.currency));
  const form = useMutationForm(['hours', 'salaryMinor'], { mapError: (error) => localizeEconomicsError(error, format.money) });

  useEffect(() => {
    setHours(member.hours);
    setSalary(fromMinorUnits(member.salaryMinor, org.currency));
  }, [member.hours, member.salaryMinor, org.currency]);

  const salaryMinor = toMinorUnits(salary, org.currency);
  const isChanged = Number(hours) !== member.hours || salaryMinor !== member.salaryMinor;
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const local: { path: string; message: string }[] = [];
    if (hours === '' || !Number.isFinite(Number(hours))) local.push({ path: 'hours', message: t('validation.required') });
    if (salaryMinor === null) local.push({ path: 'salaryMinor', message: t('validation.required') });
    if (local.length > 0) return form.handle(new ApiError(422, 'validation_failed', '', local));
    void form.run(async () => {
      await economicsApi.putMember(org.slug, period, teamId, member.memberId, { hours: Number(hours), salaryMinor: salaryMinor as number });
      notifySuccess(t('economics.people.saved', { name: member.name }));
      onSaved();
    });
  };

  return (
    <Table.Tr data-testid="member-inputs" data-member={member.name}>
      <Table.Td>
        <Text size="sm">{member.name}</Text>
        {member.recordedBy ? (
          <Text size="xs" c="dimmed" data-testid="recorded-by">
            {t('economics.people.recordedBy', { name: member.recordedBy.label })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('economics.people.hoursFor', { name: member.name })}
          min={0}
          max={744}
          decimalScale={2}
          decimalSeparator={format.locale === 'ru' ? ',' : '.'}
          hideControls
          value={hours}
          disabled={disabled}
          onChange={(value) => {
            setHours(value);
            form.clear('hours');
          }}
          onKeyDown={(event) => event.key === 'Enter' && void save()}
          error={form.errorOf('hours')}
          w={120}
        />
      </Table.Td>
      <Table.Td>
        <MoneyInput
          label={undefined}
          aria-label={t('economics.people.salaryFor', { name: member.name })}
          value={salary}
          disabled={disabled}
          onChange={(value) => {
            setSalary(value);
            form.clear('salaryMinor');
          }}
          onKeyDown={(event) => event.key === 'Enter' && void save()}
          error={form.errorOf('salaryMinor')}
          w={180}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant={isChanged ? 'filled' : 'default'}
          onClick={() => void save()}
          loading={form.isBusy}
          disabled={disabled || !isChanged}
        >
          {t('common.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
