import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OverrideCode, setOverrideAsker } from '../api/client';
import { ReasonModal } from './reason-modal';

/**
 * Delegated authority holds (issue 17): when the server refuses a change from above because the team
 * holds delegated authority (409 team_autonomy / right_delegated), this dialog asks for the override
 * reason and the change is sent again with it; cancelling gives the refusal back to the form.
 */
export function OverrideAsker() {
  const { t } = useTranslation();
  const [code, setCode] = useState<OverrideCode | null>(null);
  const pending = useRef<((reason: string | null) => void) | null>(null);

  useEffect(() => {
    setOverrideAsker(
      (next) =>
        new Promise<string | null>((resolve) => {
          pending.current?.(null);
          pending.current = resolve;
          setCode(next);
        }),
    );
    return () => setOverrideAsker(null);
  }, []);

  const settle = (reason: string | null) => {
    pending.current?.(reason);
    pending.current = null;
    setCode(null);
  };

  return (
    <ReasonModal
      opened={code !== null}
      title={t('overrides.askTitle')}
      text={code === 'right_delegated' ? t('errors.codes.right_delegated') : t('overrides.askText')}
      label={t('overrides.reasonLabel')}
      description={t('overrides.reasonDescription')}
      submitLabel={t('overrides.send')}
      requiredMessage={t('overrides.required')}
      testId="override-asker"
      onClose={() => settle(null)}
      onSubmit={async (reason) => settle(reason)}
    />
  );
}
