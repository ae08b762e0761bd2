import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKEN_SCOPES } from '../../../../src/modules/permissions';
import type { CreatedToken, TokenScope } from '../../shared/api/types';
import { useOrg } from '../../shared/session/org-context';
import { CopyField } from '../../shared/ui/copy-field';
import { useMutationForm } from '../../shared/use-mutation-form';
import { tokensApi } from './tokens.api';

/** Creates a token, then shows its secret once, with a copy button and a warning that it will not be shown again. */
export function CreateTokenModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (token: CreatedToken) => void;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const form = useMutationForm(['name', 'scopes']);

  useEffect(() => {
    if (!opened) return;
    setName('');
    setScopes([]);
    setCreated(null);
    form.clear();
  }, [opened, form.clear]);

  const submit = form.submitWith(async () => {
    const token = await tokensApi.create(org.slug, name, scopes as TokenScope[]);
    setCreated(token);
    onCreated(token);
  });

  // `all` covers every permission, so choosing it replaces the others.
  const changeScopes = (next: string[]) => {
    const added = next.find((scope) => !scopes.includes(scope));
    setScopes(added === 'all' ? ['all'] : next.filter((scope) => scope !== 'all' || added === undefined));
    form.clear('scopes');
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={created ? t('tokens.secretTitle') : t('tokens.createTitle')}
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack>
          <Alert color="yellow" variant="light" title={t('tokens.secretWarningTitle')}>
            {t('tokens.secretWarning')}
          </Alert>
          <CopyField label={t('tokens.secret', { name: created.name })} value={created.token} />
          <Text size="sm" c="dimmed">
            {t('tokens.secretUsage')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('tokens.secretDone')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                form.clear('name');
              }}
              error={form.errorOf('name')}
              data-autofocus
            />
            <MultiSelect
              label={t('tokens.scopes')}
              description={t('tokens.scopesHint')}
              placeholder={scopes.length ? undefined : t('tokens.scopesPlaceholder')}
              data={TOKEN_SCOPES.map((scope) => ({ value: scope, label: t(`scopes.${scope.replace(':', '_')}`) }))}
              value={scopes}
              onChange={changeScopes}
              error={form.errorOf('scopes')}
              comboboxProps={{ withinPortal: true }}
              hidePickedOptions
              clearable
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.isBusy}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
