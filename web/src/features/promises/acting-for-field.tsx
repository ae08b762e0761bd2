import { Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../shared/session/org-context';
import { setActingForReason } from './promises.api';

/**
 * A team promises only its own behaviour: an admin or the council acting for a team they are not in
 * says why. The reason typed here goes as `override` with every write of the screen (the server asks
 * for it with 409 team_autonomy when it is needed and missing); it is cleared when the screen closes.
 */
export function ActingForField() {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [reason, setReason] = useState('');
  useEffect(() => () => setActingForReason(null), []);
  if (org.role !== 'admin' && org.role !== 'council') return null;
  return (
    <Textarea
      label={t('promises.overrideReason.label')}
      description={t('promises.overrideReason.hint')}
      value={reason}
      maxLength={2000}
      autosize
      minRows={1}
      onChange={(event) => {
        setReason(event.currentTarget.value);
        setActingForReason(event.currentTarget.value);
      }}
      data-testid="acting-for-reason"
    />
  );
}
