import { api, orgPath, type Page } from '../../shared/api/client';
import type { Client, CreatedInvitation, Invitation } from '../../shared/api/types';

export interface ClientInput {
  name: string;
  email: string | null;
  externalId: string | null;
  segmentIds: string[];
}

export const clientsApi = {
  list: (org: string, q: string, cursor?: string) => api.get<Page<Client>>(orgPath(org, 'clients'), { q, cursor }),
  create: (org: string, input: ClientInput) => api.post<Client>(orgPath(org, 'clients'), input),
  update: (org: string, id: string, input: ClientInput) => api.patch<Client>(orgPath(org, 'clients', id), input),
  remove: (org: string, id: string) => api.delete(orgPath(org, 'clients', id)),
  invitations: (org: string, id: string, cursor?: string) =>
    api.get<Page<Invitation>>(orgPath(org, 'clients', id, 'invitations'), { cursor }),
  invite: (org: string, id: string, expiresInDays: number, send = false) =>
    api.post<CreatedInvitation>(orgPath(org, 'clients', id, 'invitations'), { expiresInDays, send }),
  revokeInvitation: (org: string, id: string, invitationId: string) => api.delete(orgPath(org, 'clients', id, 'invitations', invitationId)),
};
