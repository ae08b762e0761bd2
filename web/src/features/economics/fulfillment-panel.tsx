import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrg } from '../../shared/session/org-context';
import type { TeamEconomics } from './economics.api';
import { useEconomicsFormat } from './use-economics-format';

/** The fulfillment index and the client promises behind it: kept or not, attainment against target, at the month's end. */
export function FulfillmentPanel({ figures }: { figures: TeamEconomics }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const promises = figures.fulfillmentPromises;
  const mode = figures.fulfillmentMode;
  return (
    <Paper withBorder radius="md" p="md" data-testid="fulfillment-panel" data-index={figures.fulfillmentIndex}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={4}>{t('economics.fulfillment.title')}</Title>
        <Badge
          size="lg"
          variant="light"
          color={figures.fulfillmentIndex >= 1 ? 'teal' : figures.fulfillmentIndex >= 0.5 ? 'yellow' : 'red'}
        >
          {format.share(figures.fulfillmentIndex)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm" data-testid={mode === 'off' ? 'fulfillment-off' : undefined}>
        {mode === 'off' ? t('economics.fulfillment.off') : t(`economics.fulfillment.explain.${mode}`)}
        {mode !== 'off' && figures.withheldMinor > 0
          ? ` ${t('economics.fulfillment.withheld', { amount: format.money(figures.withheldMinor) })}`
          : ''}
      </Text>
      {/* With the tie off no promise is judged here: saying "no events" would be untrue, the off line says why. */}
      {mode === 'off' ? null : promises.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-fulfillment-promises">
          {t('economics.fulfillment.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('economics.fulfillment.promise')}</Table.Th>
                <Table.Th ta="right">{t('economics.fulfillment.attainment')}</Table.Th>
                <Table.Th>{t('economics.fulfillment.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {promises.map((promise) => (
                <Table.Tr key={promise.id} data-testid="fulfillment-promise" data-kept={promise.kept}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Anchor component={Link} to={`/o/${org.slug}/promises/${promise.id}`} size="sm">
                        {promise.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('economics.fulfillment.events', { good: promise.good, total: promise.total, count: promise.total })}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t('economics.fulfillment.vsTarget', {
                      attainment: promise.attainment === null ? '—' : format.share(promise.attainment),
                      target: format.share(promise.target),
                    })}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={promise.kept ? 'teal' : 'red'} variant="light">
                      {promise.kept ? t('economics.fulfillment.kept') : t('economics.fulfillment.notKept')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
