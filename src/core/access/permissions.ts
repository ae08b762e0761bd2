/** The roles a person can hold in an organization; what each may do is src/modules/permissions.ts. */
export const ROLES = ['admin', 'council', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Which roles hold each permission a module introduces. */
export type PermissionGrants = Readonly<Record<string, readonly Role[]>>;
