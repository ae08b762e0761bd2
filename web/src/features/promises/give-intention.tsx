import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { usePromiseFormData } from './promise-form-data';
import { type PromiseItem, promisesApi } from './promises.api';

/**
 * An intention (a promise with no team yet) is given to the team that will keep it: a member of that
 * team takes it, or an admin or the council with a reason. Publishing needs the team and its backing.
 */
export function GiveIntention({ promise, onGiven }: { promise: PromiseItem; onGiven: () => void }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const data = usePromiseFormData(true);
  const [teamId, setTeamId] = useState<string | null>(null);
  const form = useMutationForm(['promiserTeamId', 'override']);
  const teams = (org.role === 'admin' || org.role === 'council' ? data.data?.teams : data.data?.promiserTeams) ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="give-intention">
      <Stack gap="xs">
        <Text size="sm">{t('promises.intentions.hint')}</Text>
        <Group align="flex-end">
          <Select
            label={t('promises.intentions.giveTo')}
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
            value={teamId}
            onChange={(value) => {
              setTeamId(value);
              form.clear();
            }}
            error={form.errorOf('promiserTeamId') ?? form.errorOf('override')}
            searchable
            style={{ flex: 1 }}
          />
          <Button
            disabled={!teamId}
            loading={form.isBusy}
            onClick={() =>
              void form.run(
                async () => {
                  await promisesApi.update(org.slug, promise.id, { promiserTeamId: teamId as string });
                  onGiven();
                },
                { success: t('promises.intentions.given') },
              )
            }
          >
            {t('promises.intentions.give')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
