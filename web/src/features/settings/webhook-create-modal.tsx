import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeFields } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { WebhookSecretPanel } from './webhook-secret';
import { type CreatedWebhook, eventKey, WEBHOOK_EVENT_TYPES, type WebhookEventType, webhooksApi } from './webhooks.api';

/** Registers an endpoint, then shows its signing secret once, with a copy button and how to check a signature. */
export function WebhookCreateModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (webhook: CreatedWebhook) => void;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  // A refused URL is said in the screen's own words: an address inside the network, or not a URL at all.
  const form = useMutationForm(['url', 'description', 'eventTypes'], {
    mapError: (error) =>
      localizeFields(error, (field) =>
        field.path === 'url' ? { key: field.code === 'not_allowed' ? 'webhooks.urlNotAllowed' : 'webhooks.urlInvalid' } : undefined,
      ),
  });

  useEffect(() => {
    if (!opened) return;
    setUrl('');
    setDescription('');
    setEventTypes(['promise.status_changed', 'promise.alert_fired']);
    setCreated(null);
    form.clear();
  }, [opened, form.clear]);

  const submit = form.submitWith(async () => {
    const webhook = await webhooksApi.create(org.slug, { url, description, eventTypes: eventTypes as WebhookEventType[] });
    setCreated(webhook);
    onCreated(webhook);
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={created ? t('webhooks.secretTitle') : t('webhooks.createTitle')}
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <WebhookSecretPanel secret={created.secret} onDone={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('webhooks.url')}
              description={t('webhooks.urlHint')}
              placeholder="https://example.com/hooks/clientocracy"
              value={url}
              onChange={(event) => {
                setUrl(event.currentTarget.value);
                form.clear('url');
              }}
              error={form.errorOf('url')}
              data-autofocus
            />
            <TextInput
              label={t('webhooks.descriptionLabel')}
              description={t('webhooks.descriptionHint')}
              value={description}
              onChange={(event) => {
                setDescription(event.currentTarget.value);
                form.clear('description');
              }}
              error={form.errorOf('description')}
            />
            <Checkbox.Group
              label={t('webhooks.eventTypes')}
              description={t('webhooks.eventTypesHint')}
              value={eventTypes}
              onChange={(next) => {
                setEventTypes(next);
                form.clear('eventTypes');
              }}
              error={form.errorOf('eventTypes') ? t('webhooks.eventTypesRequired') : undefined}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {WEBHOOK_EVENT_TYPES.map((type) => (
                  <Checkbox key={type} value={type} label={t(eventKey(type))} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.isBusy}>
                {t('webhooks.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
