import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { SettingsIcon } from '../../shared/ui/icons';
import { SettingsPage } from './settings-page';

export const settingsFeature: WebFeature = {
  name: 'settings',
  orgPages: [{ path: 'settings', element: <SettingsPage /> }],
  nav: [{ path: 'settings', label: tk('nav.settings'), icon: <SettingsIcon />, permission: 'org:read', order: 120 }],
};
