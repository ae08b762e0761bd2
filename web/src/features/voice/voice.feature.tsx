import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { ClientsIcon } from '../../shared/ui/icons';
import { VoicePage } from './voice-page';

export const voiceFeature: WebFeature = {
  name: 'voice',
  orgPages: [{ path: 'voice', element: <VoicePage /> }],
  nav: [{ path: 'voice', label: tk('voice.nav'), icon: <ClientsIcon />, permission: 'voice:read', order: 100 }],
};
