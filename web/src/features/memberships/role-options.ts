import type { TFunction } from 'i18next';
import { ROLES } from '../../../../src/core/access/permissions';

/** The four roles as select options, each with what it may do. */
export function roleOptions(t: TFunction) {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
