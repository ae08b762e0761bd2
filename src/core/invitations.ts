/** Status of a client invitation link at a moment: the order of the checks is the rule. */
export function invitationStatus(
  inv: { used_at: number | null; revoked_at: number | null; expires_at: number },
  now: number,
): 'pending' | 'used' | 'expired' | 'revoked' {
  if (inv.used_at !== null) return 'used';
  if (inv.revoked_at !== null) return 'revoked';
  if (inv.expires_at <= now) return 'expired';
  return 'pending';
}
