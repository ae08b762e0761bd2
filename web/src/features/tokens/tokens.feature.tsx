import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { KeyIcon } from '../../shared/ui/icons';
import { TokensPage } from './tokens-page';

export const tokensFeature: WebFeature = {
  name: 'tokens',
  orgPages: [{ path: 'tokens', element: <TokensPage /> }],
  nav: [{ path: 'tokens', label: tk('nav.tokens'), icon: <KeyIcon />, permission: 'tokens:manage', order: 110 }],
};
