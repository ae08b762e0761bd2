/**
 * Who records a team's inputs for a month (issue 17, "teams run their own resources"): the team's
 * members record their own hours, the team's revenue and expenses and its trades; admins keep
 * salaries, labour, overhead and closing, and may lock a month's inputs before closing it.
 */

/** The ledger kinds a team's members record themselves; labour (wages) and overhead stay the admins'. */
export const TEAM_LEDGER_KINDS = ['revenue', 'expense'] as const;

export interface BooksWrite {
  /** An admin, or a token or the system (whose scopes an admin granted): may change any input. */
  isAdmin: boolean;
  /** The person belongs to the team the input is for. */
  isTeamMember: boolean;
  /** An admin locked the month's inputs. */
  isLocked: boolean;
  /** For a member's hours: whether the person records their own (undefined: not a person's row). */
  isSelf?: boolean;
  /** Fields sent that only an admin sets (e.g. `salaryMinor`), in the order sent. */
  adminOnlyFields?: readonly string[];
  /** For a ledger line: its kind. */
  ledgerKind?: string;
}

export type BooksRefusal =
  | { code: 'admin_only_field'; field: string }
  | { code: 'admin_only_kind'; kind: string }
  | { code: 'not_team_member' }
  | { code: 'not_self' }
  | { code: 'inputs_locked' };

/**
 * Why a team input may not be written, or null when it may: an admin always may; anyone else must
 * send no admin-only field and no admin-only ledger kind, belong to the team, record only their own
 * hours, and find the month unlocked (checked last: a locked month is a 409, the others are 403s).
 */
export function booksRefusal(w: BooksWrite): BooksRefusal | null {
  if (w.isAdmin) return null;
  const field = w.adminOnlyFields?.[0];
  if (field) return { code: 'admin_only_field', field };
  if (w.ledgerKind !== undefined && !(TEAM_LEDGER_KINDS as readonly string[]).includes(w.ledgerKind))
    return { code: 'admin_only_kind', kind: w.ledgerKind };
  if (!w.isTeamMember) return { code: 'not_team_member' };
  if (w.isSelf === false) return { code: 'not_self' };
  if (w.isLocked) return { code: 'inputs_locked' };
  return null;
}

/**
 * The hours a team keeps for new projects: round half up(recorded hours × share), in hundredths of
 * an hour; `shareBp` in basis points (10% = 1,000). No hours or no share → 0.
 */
export function timeReserveCenti(hoursCenti: number, shareBp: number): number {
  return Math.floor((hoursCenti * shareBp + 5_000) / 10_000);
}
