import { createContext, useContext } from 'react';
import { ROLE_PERMISSIONS } from '../../../../src/modules/permissions';
import type { MyOrganization, Permission } from '../api/types';

export interface OrgValue {
  org: MyOrganization;
  /** True when the signed-in person's role in this organization holds the permission. */
  can: (permission: Permission) => boolean;
}

export const OrgContext = createContext<OrgValue | null>(null);

/** Builds the context value of an organization: the role table is the server's own. */
export function orgValueOf(org: MyOrganization): OrgValue {
  const allowed = ROLE_PERMISSIONS[org.role];
  return { org, can: (permission) => allowed.includes(permission) };
}

export function useOrg(): OrgValue {
  const value = useContext(OrgContext);
  if (!value) throw new Error('useOrg outside an organization page');
  return value;
}

const LAST_ORG_KEY = 'clientocracy.org';

export function rememberOrg(slug: string): void {
  try {
    localStorage.setItem(LAST_ORG_KEY, slug);
  } catch {
    // not essential
  }
}

export function lastOrg(): string | null {
  try {
    return localStorage.getItem(LAST_ORG_KEY);
  } catch {
    return null;
  }
}
