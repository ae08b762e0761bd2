import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgPath } from '../../shared/api/client';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { DownloadMenu } from '../../shared/ui/download-menu';
import { TrashIcon } from '../../shared/ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { economicsApi, type LedgerKind, type LedgerLine, type PeriodEconomics } from './economics.api';
import { LedgerImportModal } from './ledger-import-modal';
import { LedgerLineForm } from './ledger-line-form';
import { useEconomicsFormat } from './use-economics-format';

const KIND_COLORS: Record<LedgerKind, string> = { revenue: 'teal', expense: 'orange', labour: 'blue', overhead: 'gray' };

interface LedgerPanelProps {
  figures: PeriodEconomics;
  canEdit: boolean;
  /** The month's figures change with every line. */
  onChange: () => void;
}

/** The month's ledger: revenue, expenses, labour per team and the organization's overhead; admins add, import and remove lines. */
export function LedgerPanel({ figures, canEdit, onChange }: LedgerPanelProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const dates = useFormat();
  const period = figures.period;
  const [teamFilter, setTeamFilter] = useState<string | null>(null);
  const [isImportOpen, importModal] = useDisclosure(false);
  const ledger = useResource(() => economicsApi.ledger(org.slug, period), `${org.slug}|${period}`);
  const isOpen = !figures.closed;
  const names = new Map(figures.teams.map((team) => [team.teamId, team.teamName]));
  const lines = (ledger.data?.items ?? []).filter(
    (line) => !teamFilter || (teamFilter === 'overhead' ? line.teamId === null : line.teamId === teamFilter),
  );
  const total = (kind: LedgerKind) => lines.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.amountMinor, 0);

  const remove = async (line: LedgerLine) => {
    try {
      await economicsApi.removeLine(org.slug, period, line.id);
      ledger.setData((current) => (current ? { items: current.items.filter((item) => item.id !== line.id) } : current));
      notifySuccess(t('economics.ledger.removed'));
      onChange();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack gap="md">
      {canEdit && isOpen ? (
        <LedgerLineForm
          period={period}
          teams={figures.teams}
          onAdded={(line) => {
            ledger.setData((current) => (current ? { items: [...current.items, line] } : current));
            onChange();
          }}
        />
      ) : null}
      <Paper withBorder radius="md" p="md" data-testid="ledger">
        <Group justify="space-between" align="flex-end" mb="sm">
          <div>
            <Title order={4}>{t('economics.ledger.title')}</Title>
            <Text size="sm" c="dimmed">
              {isOpen ? t('economics.ledger.description') : t('economics.ledger.closed')}
            </Text>
          </div>
          <Group gap="sm">
            <Select
              aria-label={t('economics.ledger.filter')}
              placeholder={t('economics.ledger.allTeams')}
              data={[
                ...figures.teams.map((team) => ({ value: team.teamId, label: team.teamName })),
                { value: 'overhead', label: t('economics.ledgerKinds.overhead') },
              ]}
              value={teamFilter}
              onChange={setTeamFilter}
              clearable
              w={220}
            />
            <DownloadMenu
              path={orgPath(org.slug, 'periods', period, 'ledger', 'export')}
              table={t('economics.ledger.title')}
              filters={{ teamId: teamFilter && teamFilter !== 'overhead' ? teamFilter : undefined }}
              testId="download-ledger"
            />
            {canEdit && isOpen ? (
              <Button variant="default" onClick={importModal.open} data-testid="import-ledger">
                {t('economics.import.open')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {ledger.isLoading && !ledger.data ? (
          <LoadingState />
        ) : ledger.error ? (
          <ErrorState error={ledger.error} onRetry={ledger.reload} />
        ) : lines.length === 0 ? (
          <EmptyState title={t('economics.ledger.empty')} hint={canEdit ? t('economics.ledger.emptyHint') : undefined} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('economics.ledger.team')}</Table.Th>
                  <Table.Th>{t('economics.ledger.kind')}</Table.Th>
                  <Table.Th ta="right">{t('economics.ledger.amountColumn')}</Table.Th>
                  <Table.Th>{t('economics.ledger.note')}</Table.Th>
                  <Table.Th>{t('economics.ledger.added_at')}</Table.Th>
                  {canEdit && isOpen ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((line) => (
                  <Table.Tr key={line.id} data-testid="ledger-row">
                    <Table.Td>{line.teamId ? (names.get(line.teamId) ?? '—') : t('economics.ledger.wholeOrganization')}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={KIND_COLORS[line.kind]}>
                        {t(`economics.ledgerKinds.${line.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {format.money(line.amountMinor)}
                    </Table.Td>
                    <Table.Td>{line.note}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {dates.date(line.createdAt)}
                      {line.recordedBy ? (
                        <Text size="xs" c="dimmed" data-testid="recorded-by">
                          {line.recordedBy.label}
                        </Text>
                      ) : null}
                    </Table.Td>
                    {canEdit && isOpen ? (
                      <Table.Td>
                        <Tooltip label={t('common.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => void remove(line)}
                            aria-label={t('economics.ledger.remove', { amount: format.money(line.amountMinor) })}
                          >
                            <TrashIcon size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {lines.length > 0 ? (
          <Group gap="lg" mt="sm" data-testid="ledger-totals">
            {(['revenue', 'expense', 'labour', 'overhead'] as const).map((kind) => (
              <Text key={kind} size="sm">
                {t(`economics.ledgerKinds.${kind}`)}: <b>{format.money(total(kind))}</b>
              </Text>
            ))}
          </Group>
        ) : null}
      </Paper>
      <LedgerImportModal
        opened={isImportOpen}
        period={period}
        onClose={importModal.close}
        onImported={(count) => {
          notifySuccess(t('economics.import.done', { count }));
          void ledger.reload();
          onChange();
        }}
      />
    </Stack>
  );
}
