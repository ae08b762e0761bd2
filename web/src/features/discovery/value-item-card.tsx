import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ValueItem } from '../../shared/api/types';
import { ItemFrame } from './item-frame';
import { LinkedNames } from './profile-cards';
import { useValueFrame } from './use-item-frame';
import { useWorkspace } from './workspace-context';

/** A product, pain reliever or gain creator; relievers and creators show and make their links. */
export function ValueItemCard({ item }: { item: ValueItem }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const frame = useValueFrame(item);
  const isBeingLinked = ws.linking?.id === item.id;
  const targets =
    item.kind === 'reliever'
      ? ws.data.pains.filter((p) => item.targetIds.includes(p.id)).map((p) => ({ id: p.id, name: p.text }))
      : ws.data.gains.filter((g) => item.targetIds.includes(g.id)).map((g) => ({ id: g.id, name: g.text }));
  return (
    <ItemFrame {...frame} testId="value-card" attributes={{ 'data-kind': item.kind, 'data-value-id': item.id }}>
      <Text size="sm" fw={500}>
        {item.name}
      </Text>
      {item.description ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {item.description}
        </Text>
      ) : null}
      {item.kind === 'product' ? null : (
        <>
          <LinkedNames
            names={targets}
            label={item.kind === 'reliever' ? t('workspace.relieves') : t('workspace.creates')}
            missing={item.kind === 'reliever' ? t('workspace.noPainsLinked') : t('workspace.noGainsLinked')}
          />
          {ws.canWrite && (ws.linking === null || isBeingLinked) ? (
            <Group>
              <Button
                size="compact-xs"
                variant={isBeingLinked ? 'filled' : 'light'}
                onClick={() => ws.setLinkingId(isBeingLinked ? null : item.id)}
                aria-pressed={isBeingLinked}
              >
                {isBeingLinked ? t('workspace.linkDone') : item.kind === 'reliever' ? t('workspace.linkPains') : t('workspace.linkGains')}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </ItemFrame>
  );
}
