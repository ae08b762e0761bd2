import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../shared/api/use-form-errors';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
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
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['implementedType', 'implementedId']);
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
    errors.clear();
  }, [opened, errors.clear]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit({ implementedType: kind, implementedId: kind === 'experiment' ? reference.trim() : (id ?? '') });
      onClose();
    } catch (error) {
      errors.handle(error);
    } finally {
      setBusy(false);
    }
  };

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
              error={errors.errorOf('implementedId')}
              maxLength={64}
              required
            />
          ) : (
            <Select
              label={t(`proposals.implementForm.${kind}`)}
              data={(options.data?.[kind] ?? []).map((o) => ({ value: o.id, label: o.title }))}
              value={id}
              onChange={setId}
              error={errors.errorOf('implementedId')}
              searchable
              required
            />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={isBusy}>
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
  const [isBusy, setBusy] = useState(false);
  const errors = useFormErrors(['intoId']);
  const found = useResource(
    async () => (opened ? (await proposalsApi.list(org.slug, { q: q || undefined, sort: 'supported', limit: 50 })).items : []),
    `${org.slug}|${opened}|${q}`,
  );
  useEffect(() => {
    if (!opened) return;
    setIntoId(null);
    setSearch('');
    errors.clear();
  }, [opened, errors.clear]);

  const choices = (found.data ?? []).filter((p) => p.id !== proposal.id);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!intoId) return;
    setBusy(true);
    try {
      await onSubmit(intoId);
      onClose();
    } catch (error) {
      errors.handle(error);
    } finally {
      setBusy(false);
    }
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
            error={errors.errorOf('intoId')}
            searchable
            required
          />
          <Group justify="flex-end">
            <Button type="submit" loading={isBusy} disabled={!intoId}>
              {t('proposals.mergeForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
