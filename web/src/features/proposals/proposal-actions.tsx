import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import type { ImplementationInput, Proposal } from './proposals.api';
import { proposalsApi } from './proposals.api';

type Kind = ImplementationInput['implementedType'];

/** Links an accepted proposal to what implements it: one of the organization's promises or decisions, or an experiment's reference. */
export function ImplementModal({
  opened,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  onClose: () => void;
  onSubmit: (input: ImplementationInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [kind, setKind] = useState<Kind>('promise');
  const [id, setId] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const form = useMutationForm(['implementedType', 'implementedId']);
  const options = useResource(
    async () =>
      opened
        ? {
            promise: (await proposalsApi.promises(org.slug)).items,
            decision: (await proposalsApi.decisions(org.slug)).items,
          }
        : { promise: [], decision: [] },
    `${org.slug}|${opened}`,
  );
  useEffect(() => {
    if (!opened) return;
    setId(null);
    setReference('');
    form.clear();
  }, [opened, form.clear]);

  const submit = form.submitWith(async () => {
    await onSubmit({ implementedType: kind, implementedId: kind === 'experiment' ? reference.trim() : (id ?? '') });
    onClose();
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('proposals.implementForm.title')} data-testid="implement-form">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('proposals.implementForm.type')}
            value={kind}
            onChange={(value) => {
              setKind(value as Kind);
              setId(null);
            }}
            data={(['promise', 'decision', 'experiment'] as const).map((k) => ({ value: k, label: t(`proposals.implementForm.${k}`) }))}
          />
          {kind === 'experiment' ? (
            <TextInput
              label={t('proposals.implementForm.experiment')}
              description={t('proposals.implementForm.experimentHint')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={form.errorOf('implementedId')}
              maxLength={64}
              required
            />
          ) : (
            <Select
              label={t(`proposals.implementForm.${kind}`)}
              data={(options.data?.[kind] ?? []).map((o) => ({ value: o.id, label: o.title }))}
              value={id}
              onChange={setId}
              error={form.errorOf('implementedId')}
              searchable
              required
            />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={form.isBusy}>
              {t('proposals.implementForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Merges the proposal into another one found by its title. */
export function MergeModal({
  opened,
  proposal,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  proposal: Proposal;
  onClose: () => void;
  onSubmit: (intoId: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [intoId, setIntoId] = useState<string | null>(null);
  const form = useMutationForm(['intoId']);
  const found = useResource(
    async () => (opened ? (await proposalsApi.list(org.slug, { q: q || undefined, sort: 'supported', limit: 50 })).items : []),
    `${org.slug}|${opened}|${q}`,
  );
  useEffect(() => {
    if (!opened) return;
    setIntoId(null);
    setSearch('');
    form.clear();
  }, [opened, form.clear]);

  const choices = (found.data ?? []).filter((p) => p.id !== proposal.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!intoId) return;
    void form.run(async () => {
      await onSubmit(intoId);
      onClose();
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('proposals.mergeForm.title')} data-testid="merge-form">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{t('proposals.mergeForm.text')}</Text>
          <Select
            label={t('proposals.mergeForm.search')}
            data={choices.map((p) => ({ value: p.id, label: `${p.title} (${p.supports})` }))}
            value={intoId}
            onChange={setIntoId}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            error={form.errorOf('intoId')}
            searchable
            required
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.isBusy} disabled={!intoId}>
              {t('proposals.mergeForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
