import { ActionIcon, Combobox, Group, InputBase, SegmentedControl, Stack, Text, useCombobox } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { type Proposal, proposalsApi } from '../proposals/proposals.api';

export interface Settlement {
  proposalId: string;
  title: string;
  outcome: 'accepted' | 'declined';
}

interface SettlesPickerProps {
  value: readonly Settlement[];
  onChange: (value: Settlement[]) => void;
  disabled?: boolean;
  error?: string | null;
}

/** Proposals still awaiting an answer: open or under consideration. */
const AWAITING = new Set(['open', 'under_consideration']);

/** Picks the client proposals a decision answers (searched among open ones), each accepted or declined. */
export function SettlesPicker({ value, onChange, disabled, error }: SettlesPickerProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Proposal[]>([]);

  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      proposalsApi
        .list(org.slug, { q: search.trim() || undefined, sort: 'supported', limit: 20 })
        .then((page) => {
          if (alive) setFound(page.items.filter((p) => AWAITING.has(p.status)));
        })
        .catch(() => {
          if (alive) setFound([]);
        });
    }, 250);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [org.slug, search]);

  const chosen = new Set(value.map((s) => s.proposalId));
  const options = found.filter((p) => !chosen.has(p.id));

  return (
    <Stack gap={6} data-testid="settles-picker">
      <Combobox
        store={combobox}
        onOptionSubmit={(id) => {
          const proposal = found.find((p) => p.id === id);
          if (proposal) onChange([...value, { proposalId: proposal.id, title: proposal.title, outcome: 'accepted' }]);
          setSearch('');
          combobox.closeDropdown();
        }}
      >
        <Combobox.Target>
          <InputBase
            label={t('decisionPage.settles.label')}
            description={t('decisionPage.settles.hint')}
            placeholder={t('decisionPage.settles.search')}
            value={search}
            disabled={disabled}
            error={error}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              combobox.openDropdown();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            data-testid="settles-search"
          />
        </Combobox.Target>
        <Combobox.Dropdown>
          <Combobox.Options>
            {options.length === 0 ? (
              <Combobox.Empty>{t('decisionPage.settles.none')}</Combobox.Empty>
            ) : (
              options.map((p) => (
                <Combobox.Option value={p.id} key={p.id}>
                  {p.title} · {t('decisionPage.settles.supports', { count: p.supports })}
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {value.map((s, i) => (
        <Group key={s.proposalId} gap="xs" wrap="nowrap" data-testid="settles-item">
          <Text size="sm" style={{ flex: 1 }}>
            {s.title}
          </Text>
          <SegmentedControl
            size="xs"
            disabled={disabled}
            value={s.outcome}
            onChange={(outcome) => onChange(value.map((x, j) => (j === i ? { ...x, outcome: outcome as Settlement['outcome'] } : x)))}
            data={[
              { value: 'accepted', label: t('decisionPage.settles.accept') },
              { value: 'declined', label: t('decisionPage.settles.decline') },
            ]}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            disabled={disabled}
            aria-label={t('decisionPage.settles.remove', { title: s.title })}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
