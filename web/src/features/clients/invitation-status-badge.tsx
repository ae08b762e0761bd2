import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../shared/api/types';

const COLORS: Record<Invitation['status'], string> = { pending: 'blue', used: 'teal', expired: 'gray', revoked: 'red' };

export function InvitationStatusBadge({ status }: { status: Invitation['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(`invitations.status.${status}`)}
    </Badge>
  );
}
