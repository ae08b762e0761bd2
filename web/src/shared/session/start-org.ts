import type { Locale } from '../api/types';

interface OrganizationChoice {
  slug: string;
  name: string;
  locale: Locale;
  /** When the person last opened it, on any browser (the server's record, ISO 8601); null or absent when never. */
  lastUsedAt?: string | null;
}

/** The organization the person opened most recently on any browser, by the server's record; null when none. */
export function lastUsedOrganization<T extends OrganizationChoice>(organizations: readonly T[]): T | null {
  let latest: T | null = null;
  for (const org of organizations) {
    if (org.lastUsedAt == null) continue;
    if (latest?.lastUsedAt == null || Date.parse(org.lastUsedAt) > Date.parse(latest.lastUsedAt)) latest = org;
  }
  return latest;
}

/**
 * The organization a person lands in after sign-in: the one they used last on any browser while
 * they still belong to it; else the one last used in this browser (`remembered`, from before the
 * server kept a record); else the first, by name, of those in their language; else the first by
 * name. Never the server's row order, which nobody chose. Null when they belong to none.
 */
export function startOrganization<T extends OrganizationChoice>(
  organizations: readonly T[],
  remembered: string | null,
  locale: Locale,
): T | null {
  const last = lastUsedOrganization(organizations) ?? organizations.find((org) => org.slug === remembered);
  if (last) return last;
  const byName = [...organizations].sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
  return byName.find((org) => org.locale === locale) ?? byName[0] ?? null;
}
