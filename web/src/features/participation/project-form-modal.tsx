import { Button, Group, Modal, Select, SimpleGrid, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMinorUnits } from '../../../../src/core/money';
import { ApiError } from '../../shared/api/client';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { fromMinorUnits, MoneyInput } from '../../shared/ui/money-input';
import { useMutationForm } from '../../shared/use-mutation-form';
import { teamsApi } from '../teams/teams.api';
import { PROJECT_KINDS, type ProjectKind, participationApi, type RoundProject } from './participation.api';
import { TitleDescriptionFields } from './title-description-fields';

const FIELDS = ['title', 'description', 'costMinor', 'kind', 'teamId'] as const;

/** Adds a candidate project to a draft round (no `project`) or edits one. */
export function ProjectFormModal({
  roundId,
  project,
  onClose,
  onSaved,
}: {
  roundId: string;
  project?: RoundProject;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const teams = useResource(() => teamsApi.list(org.slug), org.slug);
  const [title, setTitle] = useState(project?.title ?? '');
  const [description, setDescription] = useState(project?.description ?? '');
  const [cost, setCost] = useState<number | string>(project ? fromMinorUnits(project.costMinor, org.currency) : '');
  const [kind, setKind] = useState<ProjectKind>(project?.kind ?? 'project');
  const [teamId, setTeamId] = useState<string | null>(project?.teamId ?? null);
  const form = useMutationForm(FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const costMinor = toMinorUnits(cost, org.currency);
    const local: { path: string; message: string }[] = [];
    if (!title.trim()) local.push({ path: 'title', message: t('participation.errors.required') });
    if (costMinor === null || costMinor <= 0) local.push({ path: 'costMinor', message: t('participation.errors.positive') });
    if (local.length > 0) return form.handle(new ApiError(422, 'validation_failed', '', local));
    const input = { title: title.trim(), description: description.trim(), costMinor: costMinor as number, kind, teamId };
    void form.run(async () => {
      if (project) await participationApi.updateProject(org.slug, project.id, input);
      else await participationApi.addProject(org.slug, roundId, input);
      onSaved();
    });
  };

  return (
    <Modal opened onClose={onClose} title={project ? t('participation.editProject') : t('participation.addProject')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="project-form">
        <Stack gap="sm">
          <TitleDescriptionFields
            titleLabel={t('participation.fields.projectTitle')}
            title={title}
            onTitle={setTitle}
            description={description}
            onDescription={setDescription}
            errorOf={form.errorOf}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <MoneyInput
              label={t('participation.fields.cost', { currency: org.currency })}
              required
              value={cost}
              onChange={setCost}
              error={form.errorOf('costMinor')}
            />
            <Select
              label={t('participation.fields.kind')}
              data={PROJECT_KINDS.map((k) => ({ value: k, label: t(`participation.kind.${k}`) }))}
              value={kind}
              onChange={(value) => value && setKind(value as ProjectKind)}
              allowDeselect={false}
              error={form.errorOf('kind')}
            />
            <Select
              label={t('participation.fields.team')}
              data={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
              value={teamId}
              onChange={setTeamId}
              clearable
              placeholder={t('common.optional')}
              error={form.errorOf('teamId')}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={form.isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
