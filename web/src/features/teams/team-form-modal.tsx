import { Button, Group, Modal, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCreateTeam, ZUpdateTeam } from '../../../../src/modules/teams/team.schema';
import type { Team, TeamKind } from '../../shared/api/types';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm, validateInput } from '../../shared/use-mutation-form';
import type { TeamInput } from './teams.api';

interface TeamFormModalProps {
  opened: boolean;
  /** The team to edit; absent to create one. */
  team?: Team;
  onClose: () => void;
  onSubmit: (input: TeamInput) => Promise<unknown>;
}

const EMPTY: TeamInput = { name: '', kind: 'autonomous', purpose: '' };

export function TeamFormModal({ opened, team, onClose, onSubmit }: TeamFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<TeamInput>(EMPTY);
  const form = useMutationForm(['name', 'kind', 'purpose']);
  // A council decides under any right: only the organization (an admin or the council) makes one.
  const { org } = useOrg();
  const canChooseKind = org.role === 'admin' || org.role === 'council';

  useEffect(() => {
    if (!opened) return;
    setValues(team ? { name: team.name, kind: team.kind, purpose: team.purpose } : EMPTY);
    form.clear();
  }, [opened, team, form.clear]);

  const submit = form.submitWith(async () => {
    validateInput(team ? ZUpdateTeam : ZCreateTeam, values);
    await onSubmit(values);
    onClose();
  });

  return (
    <Modal opened={opened} onClose={onClose} title={team ? t('teams.editTitle') : t('teams.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('teams.name')}
            placeholder={t('teams.namePlaceholder')}
            value={values.name}
            onChange={(event) => {
              const name = event.currentTarget.value;
              setValues((current) => ({ ...current, name }));
              form.clear('name');
            }}
            error={form.errorOf('name')}
            data-autofocus
          />
          <Radio.Group
            label={t('teams.kind')}
            description={canChooseKind ? undefined : t('teams.kindLocked')}
            value={values.kind}
            onChange={(kind) => setValues((current) => ({ ...current, kind: kind as TeamKind }))}
            error={form.errorOf('kind')}
          >
            <Stack gap="xs" mt={6}>
              <Radio
                value="autonomous"
                label={t('teamKinds.autonomous')}
                description={t('teams.kindAutonomousHint')}
                disabled={!canChooseKind && values.kind !== 'autonomous'}
              />
              <Radio
                value="council"
                label={t('teamKinds.council')}
                description={t('teams.kindCouncilHint')}
                disabled={!canChooseKind && values.kind !== 'council'}
              />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('teams.purpose')}
            description={t('teams.purposeHint')}
            autosize
            minRows={3}
            maxRows={8}
            value={values.purpose}
            onChange={(event) => {
              const purpose = event.currentTarget.value;
              setValues((current) => ({ ...current, purpose }));
              form.clear('purpose');
            }}
            error={form.errorOf('purpose')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {team ? t('common.save') : t('teams.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
