import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { type Feedback, feedbackApi } from './feedback.api';

/** Answers the client who gave a response; the answer shows in their portal (and goes by e-mail). */
export function ReplyModal({
  feedback,
  onClose,
  onDone,
}: {
  feedback: Feedback | null;
  onClose: () => void;
  onDone: (next: Feedback) => void;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [text, setText] = useState<string | null>(null);
  const form = useMutationForm(['text']);
  const value = text ?? feedback?.reply ?? '';

  const close = () => {
    setText(null);
    form.clear();
    onClose();
  };
  const send = () => {
    if (!feedback) return;
    void form.run(async () => {
      const saved = await feedbackApi.reply(org.slug, feedback.id, value);
      notifySuccess(t('feedback.reply.sent'));
      onDone(saved);
      close();
    });
  };

  return (
    <Modal opened={feedback !== null} onClose={close} title={t('feedback.reply.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('feedback.reply.hint')}
        </Text>
        {feedback?.comment ? <Text size="sm">«{feedback.comment}»</Text> : null}
        <Textarea
          label={t('feedback.reply.text')}
          value={value}
          onChange={(event) => {
            setText(event.currentTarget.value);
            form.clear('text');
          }}
          error={form.errorOf('text')}
          autosize
          minRows={4}
          maxLength={4000}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void send()} disabled={value.trim() === ''} loading={form.isBusy}>
            {t('feedback.reply.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
