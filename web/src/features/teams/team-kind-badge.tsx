import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamKind } from '../../shared/api/types';

export function TeamKindBadge({ kind }: { kind: TeamKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={kind === 'council' ? 'grape' : 'blue'} style={{ flexShrink: 0 }}>
      {t(`teamKinds.${kind}`)}
    </Badge>
  );
}
