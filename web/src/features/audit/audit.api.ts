import { api, orgPath, type Page } from '../../shared/api/client';
import type { AuditEntry } from '../../shared/api/types';
import { startOfDayInZone, startOfNextDayInZone } from '../../shared/time';

/** What the audit screen filters by, as its fields hold it. */
export interface AuditFilterValues {
  action: string | null;
  entityType: string | null;
  /** Calendar days `YYYY-MM-DD` in the organization's time zone. */
  fromDate: string;
  toDate: string;
}

export const NO_FILTER: AuditFilterValues = { action: null, entityType: null, fromDate: '', toDate: '' };

export interface AuditFilter {
  action?: string;
  entityType?: string;
  /** An instant, ISO 8601 in UTC, inclusive. */
  from?: string;
  /** An instant, ISO 8601 in UTC, exclusive. */
  to?: string;
}

/** An instant as the API takes it (ISO 8601 in UTC); undefined when there is none. */
const isoOf = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());

/** The filter as the API wants it: calendar days become instants in the organization's time zone. */
export function toApiFilter(values: AuditFilterValues, timeZone: string): AuditFilter {
  return {
    action: values.action ?? undefined,
    entityType: values.entityType ?? undefined,
    from: values.fromDate ? isoOf(startOfDayInZone(values.fromDate, timeZone)) : undefined,
    to: values.toDate ? isoOf(startOfNextDayInZone(values.toDate, timeZone)) : undefined,
  };
}

export const auditApi = {
  list: (org: string, filter: AuditFilter, cursor?: string) => api.get<Page<AuditEntry>>(orgPath(org, 'audit'), { ...filter, cursor }),
  // Two parts, not 'audit/facets': orgPath encodes each part, and an encoded slash is another route (404).
  facets: (org: string) => api.get<AuditFacets>(facetsPath(org)),
};

/** The URL of the filter facets of an organization's audit log. */
export function facetsPath(org: string): string {
  return orgPath(org, 'audit', 'facets');
}

/** The actions the server records today, for the filter; an unknown one is still shown in words (actionLabel). */
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
  'client.registered',
  'client.signed_in',
  'token.created',
  'token.revoked',
  'segment.created',
  'segment.updated',
  'segment.deleted',
  'segment.imported',
  'segment.context_updated',
  'need.created',
  'need.updated',
  'need.deleted',
  'pain.created',
  'pain.updated',
  'pain.deleted',
  'gain.created',
  'gain.updated',
  'gain.deleted',
  'evidence.created',
  'evidence.updated',
  'evidence.deleted',
  'value_item.created',
  'value_item.updated',
  'value_item.deleted',
  'canvas.created',
  'canvas.updated',
  'canvas.deleted',
  'role.created',
  'role.updated',
  'role.deleted',
  'role.member_added',
  'role.member_removed',
  'capability.created',
  'capability.updated',
  'capability.deleted',
  'right.created',
  'grant.created',
  'grant.narrowed',
  'grant.revoked',
  'agreement.created',
  'agreement.updated',
  'agreement.reviewed',
  'decision.created',
  'decision.updated',
  'decision.advised',
  'decision.client_advised',
  'decision.taken',
  'decision.withdrawn',
  'team.authority_overridden',
  'promise.created',
  'promise.updated',
  'promise.published',
  'promise.version_created',
  'promise.retired',
  'promise.acted_for_team',
  'promise.event_voided',
  'redress.given',
  'promise_request.created',
  'promise_request.accepted',
  'promise_request.declined',
  'decision.reviewed',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.secret_rotated',
  'economics.settings_changed',
  'voice.settings_changed',
  'voice.answer_team_accepted',
  'ledger.line_added',
  'ledger.line_removed',
  'ledger.imported',
  'economics.member_recorded',
  'economics.overhead_rule_set',
  'economics.budget_set',
  'economics.peer_points_given',
  'team.split_rule_set',
  'trade.recorded',
  'trade.confirmed',
  'trade.declined',
  'period.closed',
  'period.reopened',
  'period.inputs_locked',
  'period.inputs_unlocked',
  'reserve.allocated',
  'reserve.requested',
  'team.time_reserve_set',
  'poll.opened',
  'poll.closed',
  'poll.ballot_cast',
  'poll.ballot_changed',
  'reserve_round.created',
  'reserve_round.updated',
  'reserve_round.opened',
  'reserve_round.ballot_cast',
  'reserve_round.ballot_withdrawn',
  'reserve_round.allocated',
  'reserve_project.created',
  'reserve_project.updated',
  'reserve_project.deleted',
  'reserve_project.status_changed',
  'feedback.created',
  'feedback.triaged',
  'feedback.untagged',
  'feedback.replied',
  'survey.created',
  'survey.updated',
  'proposal.created',
  'proposal.supported',
  'proposal.support_withdrawn',
  'proposal.threshold_reached',
  'proposal.open',
  'proposal.under_consideration',
  'proposal.accepted',
  'proposal.declined',
  'proposal.implemented',
  'proposal.merged',
  'proposal.reported',
  'proposal.moderated',
  'feedback.reported',
  'feedback.moderated',
] as const;

export const AUDIT_ENTITY_TYPES = [
  'organization',
  'membership',
  'team',
  'client',
  'token',
  'segment',
  'need',
  'pain',
  'gain',
  'evidence',
  'value_item',
  'canvas',
  'role',
  'capability',
  'right',
  'grant',
  'agreement',
  'decision',
  'promise',
  'redress',
  'promise_request',
  'webhook',
  'period',
  'ledger_line',
  'trade',
  'reserve',
  'economics',
  'voice',
  'poll',
  'reserve_round',
  'reserve_project',
  'feedback',
  'survey',
  'proposal',
] as const;

/** What the organization's log really holds, so actions added by later modules can be filtered too. */
export interface AuditFacets {
  actions: string[];
  entityTypes: string[];
}

/** i18next reads `.` as a path separator: `team.member_added` is looked up as `audit.actions.team_member_added`. */
export function actionKey(action: string): string {
  return `audit.actions.${action.replace(/\./g, '_')}`;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * An action in words: its own phrase, else (an action added after this app was built) the object
 * type in words and the verb with spaces — «Webhook: secret rotated», never `webhook.secret_rotated`.
 */
export function actionLabel(t: Translate, action: string): string {
  const dot = action.indexOf('.');
  const entity = dot < 0 ? action : action.slice(0, dot);
  const verb = dot < 0 ? '' : action.slice(dot + 1).replace(/_/g, ' ');
  const entityWords = t(`audit.entities.${entity}`, { defaultValue: entity.replace(/_/g, ' ') });
  const fallback = verb ? t('audit.otherAction', { entity: entityWords, verb }) : entityWords;
  return t(actionKey(action), { defaultValue: fallback });
}

/** The known list followed by anything else the log holds, without repeats. */
export function mergeOptions(known: readonly string[], found: readonly string[] | undefined): string[] {
  return [...new Set([...known, ...(found ?? [])])];
}
