import { Anchor, Button, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useMutationForm } from '../../shared/use-mutation-form';
import { teamsApi } from '../teams/teams.api';
import { BindingPollsField } from './binding-polls-field';
import { type VoiceSettings, voiceApi } from './voice.api';

const FIELDS = ['thresholdValue', 'responseDays', 'answerTeamId', 'hideAfterReports', 'bindingPollRightIds'];

/** How client voice runs: who may register, whose votes count, when an answer is owed, when content is hidden. */
export function VoiceSettingsTab() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const settings = useResource(() => voiceApi.settings(org.slug), org.slug);
  const teams = useResource(() => teamsApi.list(org.slug), org.slug);
  const [form, setForm] = useState<VoiceSettings | null>(null);
  const saving = useMutationForm(FIELDS);
  const accepting = useMutationForm([]);
  const canEdit = can('voice:manage');

  useEffect(() => {
    if (settings.data) setForm(settings.data);
  }, [settings.data]);

  if (settings.isLoading && !settings.data) return <LoadingState />;
  if (settings.error || !settings.data || !form) return <ErrorState error={settings.error} onRetry={settings.reload} />;

  const set = <K extends keyof VoiceSettings>(key: K, value: VoiceSettings[K]) => {
    setForm((current) => (current ? { ...current, [key]: value } : current));
    saving.clear(key);
  };
  const isShare = form.thresholdKind === 'share';

  const submit = saving.submitWith(async () => {
    const saved = await voiceApi.putSettings(org.slug, {
      allowRegistration: form.allowRegistration,
      requireConfirmedEmail: form.requireConfirmedEmail,
      thresholdKind: form.thresholdKind,
      thresholdValue: form.thresholdValue,
      responseDays: form.responseDays,
      answerTeamId: form.answerTeamId,
      hideAfterReports: form.hideAfterReports,
      bindingPollRightIds: form.bindingPollRightIds ?? [],
    });
    settings.setData(() => saved);
    notifySuccess(t('voice.settings.saved'));
  });

  return (
    <form onSubmit={submit} noValidate data-testid="voice-settings">
      <Stack gap="md" maw={760}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={4}>{t('voice.settings.proposalsTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('voice.settings.proposalsHint')}
            </Text>
            <SegmentedControl
              value={form.thresholdKind}
              disabled={!canEdit}
              onChange={(value) => {
                const kind = value as VoiceSettings['thresholdKind'];
                set('thresholdKind', kind);
                set('thresholdValue', kind === 'share' ? Math.min(form.thresholdValue, 10_000) : form.thresholdValue);
              }}
              data={[
                { value: 'count', label: t('voice.settings.kindCount') },
                { value: 'share', label: t('voice.settings.kindShare') },
              ]}
              w="fit-content"
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={isShare ? t('voice.settings.sharePercent') : t('voice.settings.supports')}
                value={isShare ? form.thresholdValue / 100 : form.thresholdValue}
                onChange={(v) => set('thresholdValue', isShare ? Math.round(Number(v) * 100) : Math.round(Number(v)))}
                min={isShare ? 0.01 : 1}
                max={isShare ? 100 : 1_000_000}
                decimalScale={isShare ? 2 : 0}
                suffix={isShare ? ' %' : undefined}
                error={saving.errorOf('thresholdValue')}
                disabled={!canEdit}
              />
              <NumberInput
                label={t('voice.settings.responseDays')}
                value={form.responseDays}
                onChange={(v) => set('responseDays', Math.round(Number(v)))}
                min={1}
                max={365}
                allowDecimal={false}
                error={saving.errorOf('responseDays')}
                disabled={!canEdit}
              />
              <Select
                label={t('voice.settings.answerTeam')}
                placeholder={t('voice.settings.answerTeamDefault')}
                data={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
                value={form.answerTeamId}
                onChange={(v) => set('answerTeamId', v)}
                clearable
                error={saving.errorOf('answerTeamId')}
                disabled={!canEdit}
              />
            </SimpleGrid>
            {settings.data.answerTeamId && settings.data.answerTeamAcceptedAt === null ? (
              <Group justify="space-between" align="center" data-testid="answer-team-proposed">
                <Text size="sm" c="orange" style={{ flex: 1 }}>
                  {t('voice.settings.answerProposed')}
                </Text>
                {can('promises:write') ? (
                  <Button
                    variant="light"
                    loading={accepting.isBusy}
                    onClick={() =>
                      void accepting.run(
                        async () => {
                          const saved = await voiceApi.acceptAnswerPromise(org.slug);
                          settings.setData(() => saved);
                        },
                        { success: t('voice.settings.answerAcceptedNotice') },
                      )
                    }
                  >
                    {t('voice.settings.answerAccept')}
                  </Button>
                ) : null}
              </Group>
            ) : settings.data.answerTeamAcceptedAt !== null && settings.data.answerTeamAcceptedAt !== undefined ? (
              <Text size="sm" c="dimmed" data-testid="answer-team-accepted">
                {t('voice.settings.answerAccepted', {
                  by: settings.data.answerTeamAcceptedBy ?? '',
                  date: new Date(settings.data.answerTeamAcceptedAt).toLocaleDateString(),
                })}
              </Text>
            ) : null}
            {form.answerPromiseId ? (
              <Text size="sm">
                {t('voice.settings.answerPromise')}{' '}
                <Anchor component={Link} to={`/o/${org.slug}/promises/${form.answerPromiseId}`}>
                  {t('voice.settings.answerPromiseLink')}
                </Anchor>
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('voice.settings.answerPromiseLater')}
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={4}>{t('voice.settings.fairnessTitle')}</Title>
            <Switch
              label={t('voice.settings.allowRegistration')}
              description={t('voice.settings.allowRegistrationHint', { url: `/c/${org.slug}/register` })}
              checked={form.allowRegistration}
              onChange={(e) => set('allowRegistration', e.currentTarget.checked)}
              disabled={!canEdit}
            />
            <Switch
              label={t('voice.settings.requireConfirmedEmail')}
              description={t('voice.settings.requireConfirmedEmailHint')}
              checked={form.requireConfirmedEmail}
              onChange={(e) => set('requireConfirmedEmail', e.currentTarget.checked)}
              disabled={!canEdit}
            />
            <NumberInput
              label={t('voice.settings.hideAfterReports')}
              description={t('voice.settings.hideAfterReportsHint')}
              value={form.hideAfterReports}
              onChange={(v) => set('hideAfterReports', Math.round(Number(v)))}
              min={1}
              max={1000}
              allowDecimal={false}
              error={saving.errorOf('hideAfterReports')}
              disabled={!canEdit}
              maw={240}
            />
            <BindingPollsField
              value={form.bindingPollRightIds ?? []}
              onChange={(ids) => set('bindingPollRightIds', ids)}
              error={saving.errorOf('bindingPollRightIds') ?? saving.errorOf('bindingPollRightIds.0')}
              disabled={!canEdit}
            />
          </Stack>
        </Paper>
        {canEdit ? (
          <Group>
            <Button type="submit" loading={saving.isBusy}>
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
