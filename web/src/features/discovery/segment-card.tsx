import { Anchor, Button, Card, Group, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Segment } from '../../shared/api/types';
import { useOrg } from '../../shared/session/org-context';
import { SegmentKindBadge } from './badges';
import { useDiscoveryFormat } from './format';

interface SegmentCardProps {
  segment: Segment;
  canWrite: boolean;
  onEdit: (segment: Segment) => void;
  onDelete: (segment: Segment) => void;
}

/** A segment in the list: who they are, how many, and the way into its workspace. */
export function SegmentCard({ segment, canWrite, onEdit, onDelete }: SegmentCardProps) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useDiscoveryFormat();
  const to = `/o/${org.slug}/segments/${segment.id}`;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="segment-card">
      <Stack gap="sm" h="100%">
        <Anchor component={Link} to={to} fw={650} size="lg" style={{ overflowWrap: 'anywhere' }}>
          {segment.name}
        </Anchor>
        <Group gap="xs" wrap="wrap">
          <SegmentKindBadge kind={segment.kind} />
          <Text size="sm" c="dimmed">
            {segment.sizeEstimate === null
              ? t('segments.sizeUnknown')
              : t('segments.sizeValue', { size: format.number(segment.sizeEstimate) })}
          </Text>
        </Group>
        <Text size="sm" c={segment.description ? undefined : 'dimmed'} lineClamp={4} style={{ flex: 1 }}>
          {segment.description || t('segments.noDescription')}
        </Text>
        <Group justify="space-between" mt="xs">
          <Button component={Link} to={to} variant="light" size="xs">
            {t('segments.open')}
          </Button>
          {canWrite ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="subtle" color="gray" aria-label={t('segments.moreActions', { name: segment.name })}>
                  ⋯
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => onEdit(segment)}>{t('common.edit')}</Menu.Item>
                <Menu.Item color="red" onClick={() => onDelete(segment)}>
                  {t('common.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
