import { api, orgPath, type Page } from '../../shared/api/client';
import type { Membership, Role } from '../../shared/api/types';

export interface NewMembership {
  email: string;
  role: Role;
  name?: string;
  password?: string;
}

export const membershipsApi = {
  list: (org: string, cursor?: string, limit?: number) => api.get<Page<Membership>>(orgPath(org, 'memberships'), { cursor, limit }),
  add: (org: string, input: NewMembership) => api.post<Membership>(orgPath(org, 'memberships'), input),
  changeRole: (org: string, id: string, role: Role) => api.patch<Membership>(orgPath(org, 'memberships', id), { role }),
  remove: (org: string, id: string) => api.delete(orgPath(org, 'memberships', id)),
};
