import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, orgPath } from '../../shared/api/client';
import { notifySuccess } from '../../shared/api/error-messages';
import type { Organization } from '../../shared/api/types';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { useSession } from '../../shared/session/session-context';
import { PageHeader } from '../../shared/ui/page-header';
import { useMutationForm } from '../../shared/use-mutation-form';
import { OrgFields, type OrgSettingsValues } from './org-fields';
import { WebhooksSection } from './webhooks-section';

function valuesOf(org: Organization): OrgSettingsValues {
  return { name: org.name, kind: org.kind, locale: org.locale, currency: org.currency, timeZone: org.timeZone };
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const { refresh } = useSession();
  const format = useFormat();
  const [values, setValues] = useState<OrgSettingsValues>(() => valuesOf(org));
  const form = useMutationForm(['name', 'kind', 'locale', 'currency', 'timeZone']);
  const canWrite = can('org:write');

  useEffect(() => {
    setValues(valuesOf(org));
    form.clear();
  }, [org, form.clear]);

  const saved = valuesOf(org);
  const changed = (Object.keys(values) as (keyof OrgSettingsValues)[]).filter((key) => values[key] !== saved[key]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed.length === 0) return;
    void form.run(async () => {
      const patch = Object.fromEntries(changed.map((key) => [key, values[key]]));
      await api.patch<Organization>(orgPath(org.slug), patch);
      await refresh();
      notifySuccess(t('settings.saved'));
    });
  };

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={760}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {canWrite ? null : (
              <Alert color="gray" variant="light">
                {t('settings.readOnly')}
              </Alert>
            )}
            <TextInput label={t('org.slug')} description={t('settings.slugFixed')} value={org.slug} readOnly disabled />
            <OrgFields
              values={values}
              onChange={(patch) => {
                setValues((current) => ({ ...current, ...patch }));
                for (const key of Object.keys(patch)) form.clear(key);
              }}
              errorOf={form.errorOf}
              disabled={!canWrite}
            />
            <Group justify="space-between" wrap="wrap">
              <Text size="xs" c="dimmed">
                {t('settings.updatedAt', { date: format.dateTime(org.updatedAt) })}
              </Text>
              {canWrite ? (
                <Group gap="sm">
                  <Button variant="default" disabled={changed.length === 0 || form.isBusy} onClick={() => setValues(saved)}>
                    {t('settings.discard')}
                  </Button>
                  <Button type="submit" loading={form.isBusy} disabled={changed.length === 0}>
                    {t('common.save')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          </Stack>
        </form>
      </Paper>
      <WebhooksSection />
    </>
  );
}
