import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { messageOfError } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { fieldError } from '../decisions/field-messages';
import { NoTeamsNotice } from './no-teams-notice';
import { isNotPromiser, localizeRequestError } from './promise-errors';
import { usePromiseFormData } from './promise-form-data';
import type { RequestInput } from './promises.api';

/** Where a new request starts: from the page of the asking team, or of the team asked. */
export interface RequestStart {
  fromTeamId?: string;
  toTeamId?: string;
}

interface RequestFormModalProps {
  opened: boolean;
  start?: RequestStart | null;
  onClose: () => void;
  onSubmit: (input: RequestInput) => Promise<unknown>;
}

const FIELDS = ['fromTeamId', 'toTeamId', 'title', 'statement', 'supportsPromiseId'];
const wrapperOrder: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** A team asks another to promise something (a team promises only its own behaviour: it cannot promise for another). */
export function RequestFormModal({ opened, start, onClose, onSubmit }: RequestFormModalProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const data = usePromiseFormData(opened);
  const [fromTeamId, setFromTeamId] = useState<string | null>(null);
  const [toTeamId, setToTeamId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [statement, setStatement] = useState('');
  const [supportsId, setSupportsId] = useState<string | null>(null);
  const saving = useMutationForm(FIELDS, { mapError: localizeRequestError });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts again each time it opens
  useEffect(() => {
    if (!opened) return;
    saving.clear();
    setFromTeamId(start?.fromTeamId ?? null);
    setToTeamId(start?.toTeamId ?? null);
    setTitle('');
    setStatement('');
    setSupportsId(null);
  }, [opened]);

  const form = data.data;
  const myTeams = form?.promiserTeams ?? [];
  // The only team the person may ask for is chosen for them.
  useEffect(() => {
    if (opened && fromTeamId === null && myTeams.length === 1 && myTeams[0]?.id !== toTeamId) setFromTeamId(myTeams[0]?.id ?? null);
  }, [opened, fromTeamId, toTeamId, myTeams]);

  const fromName = form?.teams.find((team) => team.id === fromTeamId)?.name ?? '';
  const supportable = form?.supportable ?? [];
  const supportData = [
    {
      group: t('promises.requests.form.supportsOwn', { team: fromName }),
      items: supportable.filter((p) => p.promiserTeam?.id === fromTeamId).map((p) => ({ value: p.id, label: p.title })),
    },
    {
      group: t('promises.requests.form.supportsOther'),
      items: supportable.filter((p) => p.promiserTeam?.id !== fromTeamId).map((p) => ({ value: p.id, label: p.title })),
    },
  ].filter((group) => group.items.length > 0);
  const noTeams = form !== null && form !== undefined && myTeams.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: [string, string][] = [];
    if (!fromTeamId) local.push(['fromTeamId', t('validation.required')]);
    if (!toTeamId) local.push(['toTeamId', t('validation.required')]);
    else if (toTeamId === fromTeamId) local.push(['toTeamId', t('promises.requests.errors.notToItself')]);
    if (!title.trim()) local.push(['title', t('validation.required')]);
    if (!statement.trim()) local.push(['statement', t('promises.requests.errors.statementRequired')]);
    if (local.length > 0) {
      return saving.handle(
        new ApiError(
          422,
          'validation_failed',
          '',
          local.map(([path, message]) => ({ path, message })),
        ),
      );
    }
    void saving.run(
      async () => {
        await onSubmit({
          fromTeamId: fromTeamId as string,
          toTeamId: toTeamId as string,
          title: title.trim(),
          statement: statement.trim(),
          ...(supportsId ? { supportsPromiseId: supportsId } : {}),
        });
        onClose();
      },
      {
        onError: (error) => {
          if (!isNotPromiser(error)) return error;
          saving.handle(fieldError('fromTeamId', t('promises.requests.errors.notYourTeam')));
          return null;
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('promises.requests.form.title')} size="lg" data-testid="request-form">
      {noTeams ? (
        <NoTeamsNotice hint={t('promises.requests.noTeams')} onClose={onClose} testId="no-asking-teams" />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {data.error ? <Alert color="red">{messageOfError(data.error)}</Alert> : null}
            <Text size="sm" c="dimmed">
              {t('promises.requests.form.intro')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('promises.requests.form.from')}
                description={org.role === 'admin' ? t('promises.requests.form.fromHintAdmin') : t('promises.requests.form.fromHint')}
                placeholder={data.isLoading ? t('common.loading') : t('promises.requests.form.fromPlaceholder')}
                data={myTeams.map((team) => ({ value: team.id, label: team.name }))}
                value={fromTeamId}
                onChange={(value) => {
                  setFromTeamId(value);
                  saving.clear('fromTeamId');
                  saving.clear('toTeamId');
                }}
                error={saving.errorOf('fromTeamId')}
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                required
                inputWrapperOrder={wrapperOrder}
              />
              <Select
                label={t('promises.requests.form.to')}
                description={t('promises.requests.form.toHint')}
                placeholder={t('promises.requests.form.toPlaceholder')}
                data={(form?.teams ?? []).filter((team) => team.id !== fromTeamId).map((team) => ({ value: team.id, label: team.name }))}
                value={toTeamId}
                onChange={(value) => {
                  setToTeamId(value);
                  saving.clear('toTeamId');
                }}
                error={saving.errorOf('toTeamId')}
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                required
                inputWrapperOrder={wrapperOrder}
              />
            </SimpleGrid>
            <TextInput
              label={t('promises.requests.form.what')}
              placeholder={t('promises.requests.form.whatPlaceholder')}
              value={title}
              maxLength={200}
              onChange={(event) => {
                setTitle(event.currentTarget.value);
                saving.clear('title');
              }}
              error={saving.errorOf('title')}
              required
              data-autofocus
            />
            <Textarea
              label={t('promises.requests.form.statement')}
              placeholder={t('promises.requests.form.statementPlaceholder')}
              autosize
              minRows={3}
              maxRows={8}
              maxLength={2000}
              value={statement}
              onChange={(event) => {
                setStatement(event.currentTarget.value);
                saving.clear('statement');
              }}
              error={saving.errorOf('statement')}
              required
            />
            <Select
              label={t('promises.requests.form.supports')}
              description={t('promises.requests.form.supportsHint')}
              placeholder={t('common.optional')}
              data={supportData}
              value={supportsId}
              onChange={(value) => {
                setSupportsId(value);
                saving.clear('supportsPromiseId');
              }}
              error={saving.errorOf('supportsPromiseId')}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              inputWrapperOrder={wrapperOrder}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={saving.isBusy}>
                {t('promises.requests.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
