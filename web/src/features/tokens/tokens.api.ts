import { api, orgPath, type Page } from '../../shared/api/client';
import type { CreatedToken, Token, TokenScope } from '../../shared/api/types';

export const tokensApi = {
  list: (org: string, cursor?: string) => api.get<Page<Token>>(orgPath(org, 'tokens'), { cursor }),
  create: (org: string, name: string, scopes: TokenScope[]) => api.post<CreatedToken>(orgPath(org, 'tokens'), { name, scopes }),
  revoke: (org: string, id: string) => api.delete<Token>(orgPath(org, 'tokens', id)),
};
