import { api, orgPath, type Page } from '../../shared/api/client';
import type { AuditEntry } from '../../shared/api/types';

export interface AuditFilter {
  action?: string;
  entityType?: string;
  /** UTC epoch ms, inclusive. */
  from?: number;
  /** UTC epoch ms, exclusive. */
  to?: number;
}

export const auditApi = {
  list: (org: string, filter: AuditFilter, cursor?: string) => api.get<Page<AuditEntry>>(orgPath(org, 'audit'), { ...filter, cursor }),
};

/** The actions the server records today, for the filter; an unknown one is still shown by its code. */
export const AUDIT_ACTIONS = [
  'organization.created',
  'organization.updated',
  'membership.created',
  'membership.role_changed',
  'membership.deleted',
  'team.created',
  'team.updated',
  'team.deleted',
  'team.member_added',
  'team.member_removed',
  'client.created',
  'client.updated',
  'client.deleted',
  'client.invited',
  'client.invitation_revoked',
  'client.signed_in',
  'token.created',
  'token.revoked',
] as const;

export const AUDIT_ENTITY_TYPES = ['organization', 'membership', 'team', 'client', 'token'] as const;

/** i18next reads `.` as a path separator: `team.member_added` is looked up as `audit.actions.team_member_added`. */
export function actionKey(action: string): string {
  return `audit.actions.${action.replace(/\./g, '_')}`;
}
