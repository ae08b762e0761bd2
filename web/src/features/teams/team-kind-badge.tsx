import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamKind } from '../../shared/api/types';

export function TeamKindBadge({ kind }: { kind: TeamKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={kind === 'council' ? 'grape' : 'blue'} size="md" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {t(`teamKinds.${kind}`)}
    </Badge>
  );
}
