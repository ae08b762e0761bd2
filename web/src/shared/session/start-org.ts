import type { Locale } from '../api/types';

interface OrganizationChoice {
  slug: string;
  name: string;
  locale: Locale;
}

/**
 * The organization a person lands in after sign-in: the one they used last in this browser while
 * they still belong to it; else the first, by name, of those in their language; else the first by
 * name. Never the server's row order, which nobody chose. Null when they belong to none.
 */
export function startOrganization<T extends OrganizationChoice>(
  organizations: readonly T[],
  remembered: string | null,
  locale: Locale,
): T | null {
  const last = organizations.find((org) => org.slug === remembered);
  if (last) return last;
  const byName = [...organizations].sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
  return byName.find((org) => org.locale === locale) ?? byName[0] ?? null;
}
