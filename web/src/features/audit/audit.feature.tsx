import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { HistoryIcon } from '../../shared/ui/icons';
import { AuditPage } from './audit-page';

export const auditFeature: WebFeature = {
  name: 'audit',
  orgPages: [{ path: 'audit', element: <AuditPage /> }],
  nav: [{ path: 'audit', label: tk('nav.audit'), icon: <HistoryIcon />, permission: 'audit:read', order: 130 }],
};
