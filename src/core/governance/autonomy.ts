/**
 * Delegated authority holds (issue 17): admins and the council hold every right, but while a team
 * (or one of its roles) holds a right delegated to it, acting over the team from above needs an
 * explicit override with a reason, which is recorded and shown. Pure rules over plain data.
 */
import { periodOf, periodRange, shiftPeriod } from '../economics/period.js';
import { type Grant, isChainActive } from './rights.js';

/**
 * Whether the team, or one of its roles (`roleIds`), holds at least one right now through an active
 * chain of grants: the team is then autonomous and changing it from above needs an override.
 */
export function holdsDelegatedAuthority(grants: readonly Grant[], teamId: string, roleIds: ReadonlySet<string>): boolean {
  const byId = new Map(grants.map((g) => [g.id, g] as const));
  return grants.some(
    (g) =>
      ((g.holderType === 'team' && g.holderId === teamId) || (g.holderType === 'role' && roleIds.has(g.holderId))) &&
      isChainActive(byId, g),
  );
}

/** Who acts, as far as autonomy reads it. */
export interface ActorOverTeam {
  /** The system (demo seeding, import) is not "from above": it restores what people did. */
  isSystem: boolean;
  /** An admin, the council, or an API token: those who may act on any team without being in it. */
  actsForOrganization: boolean;
  /** A member of the team itself acts on their own team and needs nothing. */
  isTeamMember: boolean;
}

/**
 * Whether changing a team (its roles, capabilities, agreements, members, split rule) by this actor
 * needs an override: only from above (an admin, the council or a token, not in the team), and only
 * while the team holds delegated authority. False for the system and for the team's own members.
 */
export function teamChangeNeedsOverride(actor: ActorOverTeam, teamHoldsDelegatedAuthority: boolean): boolean {
  if (actor.isSystem || actor.isTeamMember || !actor.actsForOrganization) return false;
  return teamHoldsDelegatedAuthority;
}

/**
 * Whether deciding under a right for a team needs an override: the team (or one of its roles) holds
 * the right delegated to it, and the decider holds it only by being an admin or the council
 * (`holdsThroughTeam` false: neither as a member of the team nor through one of its roles).
 */
export function decidingNeedsOverride(state: { isOrgLevel: boolean; holdsThroughTeam: boolean; teamHoldsRight: boolean }): boolean {
  return state.isOrgLevel && !state.holdsThroughTeam && state.teamHoldsRight;
}

/** The reason of an override as sent, trimmed; null when none was sent or it is blank. */
export function overrideReason(override: { reason?: string | null } | null | undefined, queryReason?: string | null): string | null {
  const reason = (override?.reason ?? queryReason ?? '').trim();
  return reason === '' ? null : reason;
}

/**
 * The calendar quarter holding instant `now` in `timeZone`: its label (`2026-Q4`) and its bounds as
 * UTC epoch milliseconds, `from` inclusive, `to` exclusive (midnights of the zone).
 */
export function quarterOf(now: number, timeZone: string): { quarter: string; from: number; to: number } {
  const period = periodOf(now, timeZone);
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = Math.floor((month - 1) / 3);
  const first = `${year}-${String(index * 3 + 1).padStart(2, '0')}`;
  return { quarter: `${year}-Q${index + 1}`, from: periodRange(first, timeZone).from, to: periodRange(shiftPeriod(first, 2), timeZone).to };
}
