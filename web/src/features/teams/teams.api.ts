import { api, orgPath, type Page } from '../../shared/api/client';
import type { Team, TeamDetail, TeamKind, TeamMember } from '../../shared/api/types';

export interface TeamInput {
  name: string;
  kind: TeamKind;
  purpose: string;
}

export const teamsApi = {
  list: (org: string, cursor?: string) => api.get<Page<Team>>(orgPath(org, 'teams'), { cursor }),
  get: (org: string, id: string) => api.get<TeamDetail>(orgPath(org, 'teams', id)),
  create: (org: string, input: TeamInput) => api.post<Team>(orgPath(org, 'teams'), input),
  update: (org: string, id: string, input: Partial<TeamInput>) => api.patch<Team>(orgPath(org, 'teams', id), input),
  remove: (org: string, id: string) => api.delete(orgPath(org, 'teams', id)),
  addMember: (org: string, id: string, userId: string) =>
    api.post<{ items: TeamMember[] }>(orgPath(org, 'teams', id, 'members'), { userId }),
  removeMember: (org: string, id: string, userId: string) => api.delete(orgPath(org, 'teams', id, 'members', userId)),
};
