import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../shared/api/use-form-errors';

interface ProposalFormModalProps {
  opened: boolean;
  segments: { id: string; name: string }[];
  onClose: () => void;
  onSubmit: (input: { title: string; body: string; segmentId?: string }) => Promise<unknown>;
}

/** Staff make a proposal (or write down one a client made in person). */
export function ProposalFormModal({ opened, segments, onClose, onSubmit }: ProposalFormModalProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['title', 'body', 'segmentId']);

  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setBody('');
    setSegmentId(null);
    errors.clear();
  }, [opened, errors.clear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit({ title, body, ...(segmentId ? { segmentId } : {}) });
      onClose();
    } catch (error) {
      errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('proposals.form.title')} size="lg">
      <form onSubmit={submit} data-testid="proposal-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('proposals.form.text')}
          </Text>
          <TextInput
            label={t('proposals.form.fieldTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.errorOf('title')}
            maxLength={200}
            required
            data-autofocus
          />
          <Textarea
            label={t('proposals.form.fieldBody')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.errorOf('body')}
            autosize
            minRows={4}
            maxLength={5000}
            required
          />
          <Select
            label={t('proposals.form.fieldSegment')}
            placeholder={t('proposals.form.allClients')}
            data={segments.map((s) => ({ value: s.id, label: s.name }))}
            value={segmentId}
            onChange={setSegmentId}
            error={errors.errorOf('segmentId')}
            clearable
          />
          <Group justify="flex-end">
            <Button type="submit" loading={isBusy}>
              {t('proposals.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
