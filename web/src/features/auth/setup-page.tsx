import { Button, Fieldset, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { suggestSlug } from '../../../../src/core/slug';
import { ZSetup } from '../../../../src/modules/setup/setup.schema';
import { api } from '../../shared/api/client';
import type { Me, Organization } from '../../shared/api/types';
import { useSession } from '../../shared/session/session-context';
import { useMutationForm, validateInput } from '../../shared/use-mutation-form';
import { OrgFields, type OrgSettingsValues } from '../settings/org-fields';
import { AuthCard } from './auth-card';
import { FullPageLoader } from './guards';

const FIELDS = [
  'organization.slug',
  'organization.name',
  'organization.kind',
  'organization.locale',
  'organization.currency',
  'organization.timeZone',
  'admin.email',
  'admin.name',
  'admin.password',
];

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** First run: the first organization and its admin, then straight in. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const { status, acceptMe } = useSession();
  const navigate = useNavigate();
  const [slug, setSlug] = useState('');
  // The short name follows the name («РемонтПро» → remontpro) until the person types one of their own.
  const [isSlugEdited, setSlugEdited] = useState(false);
  const [org, setOrg] = useState<OrgSettingsValues>({
    name: '',
    kind: 'business',
    locale: i18n.language === 'en' ? 'en' : 'ru',
    currency: i18n.language === 'en' ? 'EUR' : 'RUB',
    timeZone: browserTimeZone(),
  });
  const [admin, setAdmin] = useState({ name: '', email: '', password: '' });
  const form = useMutationForm(FIELDS);

  if (status === 'loading') return <FullPageLoader />;
  if (status !== 'setup') return <Navigate to="/" replace />;

  const submit = form.submitWith(async () => {
    const input = { organization: { ...org, slug }, admin };
    validateInput(ZSetup, input);
    const created = await api.post<Organization>('/api/v1/setup', input);
    const me = await api.post<Me>('/api/v1/auth/login', { email: admin.email, password: admin.password });
    acceptMe(me);
    void navigate(`/o/${created.slug}/teams`, { replace: true }); // the app has no route loaders: nothing to wait for
  });

  const adminInput = (field: 'name' | 'email') => ({
    value: admin[field],
    error: form.errorOf(`admin.${field}`),
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setAdmin((current) => ({ ...current, [field]: value }));
      form.clear(`admin.${field}`);
    },
  });

  return (
    <AuthCard title={t('setup.title')} subtitle={t('setup.subtitle')} width={640}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Fieldset legend={t('setup.organization')}>
            <Stack>
              <OrgFields
                values={org}
                onChange={(patch) => {
                  setOrg((current) => ({ ...current, ...patch }));
                  if (patch.name !== undefined && !isSlugEdited) {
                    setSlug(suggestSlug(patch.name));
                    form.clear('organization.slug');
                  }
                  for (const key of Object.keys(patch)) form.clear(`organization.${key}`);
                }}
                errorOf={(field) => form.errorOf(`organization.${field}`)}
                afterName={
                  <TextInput
                    label={t('org.slug')}
                    description={t('org.slugHint')}
                    value={slug}
                    onChange={(event) => {
                      const value = event.currentTarget.value.toLowerCase();
                      setSlug(value);
                      setSlugEdited(value !== '');
                      form.clear('organization.slug');
                    }}
                    error={form.errorOf('organization.slug')}
                    autoCapitalize="off"
                    spellCheck={false}
                  />
                }
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('setup.admin')}>
            <Stack>
              <TextInput label={t('memberships.name')} autoComplete="name" {...adminInput('name')} />
              <TextInput label={t('auth.email')} type="email" autoComplete="email" {...adminInput('email')} />
              <PasswordInput
                label={t('auth.password')}
                description={t('auth.passwordHint')}
                autoComplete="new-password"
                value={admin.password}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setAdmin((current) => ({ ...current, password: value }));
                  form.clear('admin.password');
                }}
                error={form.errorOf('admin.password')}
              />
            </Stack>
          </Fieldset>
          <Button type="submit" loading={form.isBusy}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
