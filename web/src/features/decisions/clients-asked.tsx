import { Alert, Badge, Blockquote, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { discoveryApi } from '../discovery/discovery.api';
import type { Decision } from './decisions.api';

/**
 * Clients' influence binds (issue 17): the segments a decision touches (asked before it is taken) and
 * the segments asked for advice on the portal, in the decision forms; the reason a decider gives for
 * not asking; and, on the decision page, what clients advised.
 */

interface SegmentsFieldsProps {
  touches: string[];
  asked: string[];
  onTouches: (ids: string[]) => void;
  onAsked: (ids: string[]) => void;
  errorOf: (field: string) => string | undefined;
}

/** The two segment lists of a decision: which client segments it touches, and whose advice it asks on the portal. */
export function ClientSegmentsFields({ touches, asked, onTouches, onAsked, errorOf }: SegmentsFieldsProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const segments = useResource(() => discoveryApi.segments(org.slug), org.slug);
  const data = (segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  const firstError = (field: string, ids: string[]) => errorOf(field) ?? ids.map((_, i) => errorOf(`${field}.${i}`)).find(Boolean);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <MultiSelect
        label={t('clientsAsked.touches')}
        description={t('clientsAsked.touchesHint')}
        data={data}
        value={touches}
        onChange={onTouches}
        error={firstError('touchesSegmentIds', touches)}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        data-testid="touches-segments"
      />
      <MultiSelect
        label={t('clientsAsked.adviceFrom')}
        description={t('clientsAsked.adviceFromHint')}
        data={data}
        value={asked}
        onChange={onAsked}
        error={firstError('adviceFromSegmentIds', asked)}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        data-testid="advice-segments"
      />
    </SimpleGrid>
  );
}

/** In the decide form: the touched segments not asked yet, and the reason the decider must then give (published on the portal). */
export function ClientsNotAskedField({
  decision,
  value,
  onChange,
  error,
  disabled,
}: {
  decision: Decision;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  if (decision.segmentsNotAsked.length === 0) return null;
  const names = decision.segmentsNotAsked.map((s) => s.name).join(', ');
  return (
    <Stack gap="xs" data-testid="clients-not-asked">
      <Alert color="orange" variant="light">
        {t('clientsAsked.notAskedAlert', { segments: names })}
      </Alert>
      <Textarea
        label={t('clientsAsked.reason')}
        description={t('clientsAsked.reasonHint')}
        autosize
        minRows={2}
        maxRows={6}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        disabled={disabled}
        required
      />
    </Stack>
  );
}

/** On the decision page: the segments touched and asked, the clients' advice (count and texts), and the published reason. */
export function ClientsCard({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hasClients = decision.touchesSegments.length > 0 || decision.adviceSegments.length > 0 || decision.clientAdvice.length > 0;
  if (!hasClients) return null;
  const names = (list: { name: string }[]) => list.map((s) => s.name).join(', ');
  return (
    <Paper withBorder radius="md" p="lg" data-testid="decision-clients">
      <Stack gap="sm">
        <Title order={4}>{t('clientsAsked.title')}</Title>
        {decision.touchesSegments.length > 0 ? (
          <Text size="sm">{t('clientsAsked.touchesList', { segments: names(decision.touchesSegments) })}</Text>
        ) : null}
        {decision.adviceSegments.length > 0 ? (
          <Text size="sm">{t('clientsAsked.askedList', { segments: names(decision.adviceSegments) })}</Text>
        ) : null}
        {decision.segmentsNotAsked.length > 0 ? (
          <Text size="sm" c="orange" data-testid="segments-not-asked">
            {t('clientsAsked.notAskedYet', { segments: names(decision.segmentsNotAsked) })}
          </Text>
        ) : null}
        {decision.clientsNotAskedReason ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('clientsAsked.reasonPublished')}
            </Text>
            <Blockquote p="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="clients-not-asked-reason">
              {decision.clientsNotAskedReason}
            </Blockquote>
          </Stack>
        ) : null}
        {decision.adviceSegments.length > 0 || decision.clientAdvice.length > 0 ? (
          <Text size="sm" fw={600} data-testid="client-advice-count">
            {t('clientsAsked.adviceCount', { count: decision.clientAdvice.length })}
          </Text>
        ) : null}
        {decision.clientAdvice.map((advice) => (
          <Paper key={advice.id} withBorder radius="sm" p="sm" data-testid="client-advice">
            <Stack gap={4}>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {advice.client.name}
                </Text>
                {advice.segments.map((s) => (
                  <Badge key={s.id} variant="light" size="sm">
                    {s.name}
                  </Badge>
                ))}
                <Text size="xs" c="dimmed">
                  {format.dateTime(advice.updatedAt)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {advice.advice}
              </Text>
              {advice.preferredOption !== null ? (
                <Text size="xs" c="dimmed">
                  {t('clientsAsked.prefers', { option: decision.options[advice.preferredOption]?.title ?? advice.preferredOption + 1 })}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
