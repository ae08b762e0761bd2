import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayInZone } from '../../shared/governance-format';
import { useMutationForm } from '../../shared/use-mutation-form';
import { AGREEMENT_STATUSES, type Agreement, type AgreementInput, type AgreementStatus, type TeamRole } from './decisions.api';
import { localizeGovernanceError } from './field-messages';

interface AgreementFormModalProps {
  opened: boolean;
  teamId: string;
  teamName: string;
  roles: TeamRole[];
  timeZone: string;
  /** The agreement to edit; absent to record a new one. */
  agreement?: Agreement;
  onClose: () => void;
  onSubmit: (input: AgreementInput & { status: AgreementStatus }) => Promise<unknown>;
}

type Values = Omit<AgreementInput, 'ownerType' | 'ownerId'> & { owner: string; status: AgreementStatus };

const FIELDS = ['title', 'driver', 'text', 'ownerType', 'ownerId', 'criteria', 'reviewDate', 'status'] as const;

/** Records or edits an S3 agreement: driver, what is agreed, owner, evaluation criteria, review date. */
export function AgreementFormModal({ opened, teamId, teamName, roles, timeZone, agreement, onClose, onSubmit }: AgreementFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => emptyValues(teamId, timeZone));
  const form = useMutationForm(FIELDS, { mapError: (error) => localizeGovernanceError(error) });

  useEffect(() => {
    if (!opened) return;
    setValues(
      agreement
        ? {
            title: agreement.title,
            driver: agreement.driver,
            text: agreement.text,
            criteria: agreement.criteria,
            reviewDate: agreement.reviewDate,
            owner: `${agreement.owner.type}:${agreement.owner.id}`,
            status: agreement.status,
          }
        : emptyValues(teamId, timeZone),
    );
    form.clear();
  }, [opened, agreement, teamId, timeZone, form.clear]);

  const set = <K extends keyof Values>(key: K, value: Values[K], field: string = key) => {
    setValues((current) => ({ ...current, [key]: value }));
    form.clear(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [ownerType, ownerId = ''] = values.owner.split(':') as ['team' | 'role', string];
    void form.run(async () => {
      const { owner: _owner, ...rest } = values;
      await onSubmit({ ...rest, ownerType, ownerId });
      onClose();
    });
  };

  const owners = [
    { group: t('agreements.ownerTeam'), items: [{ value: `team:${teamId}`, label: teamName }] },
    ...(roles.length > 0
      ? [{ group: t('agreements.ownerRoles'), items: roles.map((role) => ({ value: `role:${role.id}`, label: role.name })) }]
      : []),
  ];
  const ownerOutsideList = agreement && agreement.owner.type === 'role' && !roles.some((role) => role.id === agreement.owner.id);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={agreement ? t('agreements.editTitle') : t('agreements.createTitle')}
      size="lg"
      data-testid="agreement-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('agreements.titleLabel')}
            placeholder={t('agreements.titlePlaceholder')}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={form.errorOf('title')}
            data-autofocus
            required
          />
          <Textarea
            label={t('agreements.driver')}
            description={t('agreements.driverHint')}
            autosize
            minRows={2}
            maxRows={6}
            value={values.driver}
            onChange={(event) => set('driver', event.currentTarget.value)}
            error={form.errorOf('driver')}
            required
          />
          <Textarea
            label={t('agreements.text')}
            description={t('agreements.textHint')}
            autosize
            minRows={3}
            maxRows={10}
            value={values.text}
            onChange={(event) => set('text', event.currentTarget.value)}
            error={form.errorOf('text')}
            required
          />
          <Select
            label={t('agreements.owner')}
            description={agreement ? t('agreements.ownerFixed') : t('agreements.ownerHint')}
            data={ownerOutsideList ? [{ value: `role:${agreement.owner.id}`, label: agreement.owner.name }, ...owners] : owners}
            value={values.owner}
            onChange={(value) => value && set('owner', value, 'ownerId')}
            error={form.errorOf('ownerId') ?? form.errorOf('ownerType')}
            allowDeselect={false}
            disabled={Boolean(agreement)}
          />
          <Textarea
            label={t('agreements.criteria')}
            description={t('agreements.criteriaHint')}
            autosize
            minRows={2}
            maxRows={6}
            value={values.criteria}
            onChange={(event) => set('criteria', event.currentTarget.value)}
            error={form.errorOf('criteria')}
          />
          <SimpleGrid cols={{ base: 1, xs: agreement ? 2 : 1 }}>
            <TextInput
              type="date"
              label={t('agreements.reviewDate')}
              value={values.reviewDate}
              onChange={(event) => set('reviewDate', event.currentTarget.value)}
              error={form.errorOf('reviewDate')}
              required
            />
            {agreement ? (
              <Select
                label={t('agreements.statusLabel')}
                data={AGREEMENT_STATUSES.map((value) => ({ value, label: t(`agreements.status.${value}`) }))}
                value={values.status}
                onChange={(value) => value && set('status', value as AgreementStatus)}
                error={form.errorOf('status')}
                allowDeselect={false}
              />
            ) : null}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {agreement ? t('common.save') : t('agreements.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function emptyValues(teamId: string, timeZone: string): Values {
  return {
    title: '',
    driver: '',
    text: '',
    criteria: '',
    reviewDate: addDays(todayInZone(timeZone), 90),
    owner: `team:${teamId}`,
    status: 'active',
  };
}
