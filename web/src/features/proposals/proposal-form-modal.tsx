import { Alert, Anchor, Button, Group, List, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { proposalsApi, type SimilarProposal } from './proposals.api';

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
  const form = useMutationForm(['title', 'body', 'segmentId']);
  const { org } = useOrg();
  const [similar, setSimilar] = useState<SimilarProposal[]>([]);

  // Similar proposals as the title and text are typed (after a pause), so a duplicate is seen before it is made.
  useEffect(() => {
    const text = `${title} ${body}`.trim();
    if (!opened || text.length < 3) {
      setSimilar([]);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      proposalsApi
        .similar(org.slug, text.slice(0, 5000))
        .then((found) => {
          if (alive) setSimilar(found.items);
        })
        .catch(() => {
          if (alive) setSimilar([]);
        });
    }, 400);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [opened, title, body, org.slug]);

  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setBody('');
    setSegmentId(null);
    form.clear();
  }, [opened, form.clear]);

  const submit = form.submitWith(async () => {
    await onSubmit({ title, body, ...(segmentId ? { segmentId } : {}) });
    onClose();
  });

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
            error={form.errorOf('title')}
            maxLength={200}
            required
            data-autofocus
          />
          <Textarea
            label={t('proposals.form.fieldBody')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={form.errorOf('body')}
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
            error={form.errorOf('segmentId')}
            clearable
          />
          {similar.length > 0 ? (
            <Alert color="yellow" variant="light" title={t('proposals.form.similarTitle')} data-testid="similar-proposals">
              <Text size="sm" mb={6}>
                {t('proposals.form.similarHint')}
              </Text>
              <List size="sm" spacing={4}>
                {similar.map((p) => (
                  <List.Item key={p.id}>
                    <Anchor component={Link} to={`/o/${org.slug}/proposals/${p.id}`} target="_blank">
                      {p.title}
                    </Anchor>{' '}
                    · {t('proposals.form.similarSupports', { supports: p.supports, threshold: p.threshold })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={form.isBusy}>
              {t('proposals.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
