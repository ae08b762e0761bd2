import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../api/error-messages';
import type { Locale } from '../api/types';
import { applyLocale, isLocale, markLocaleChosenBeforeSignIn, storeLocale } from '../i18n';
import { useSession } from '../session/session-context';

/** RU / EN. Signed in, the choice is stored on the person's account as well as in this browser. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { me, chooseLocale } = useSession();
  const change = (value: string) => {
    if (!isLocale(value)) return;
    if (!me) {
      storeLocale(value);
      applyLocale(value);
      markLocaleChosenBeforeSignIn(value);
      return;
    }
    chooseLocale(value as Locale).catch(notifyError);
  };
  return (
    <SegmentedControl
      size="xs"
      value={i18n.language === 'en' ? 'en' : 'ru'}
      onChange={change}
      aria-label={t('header.language')}
      data={[
        { value: 'ru', label: 'RU' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
