import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useOrg } from '../../shared/session/org-context';
import { currentPeriod, isPeriod } from './economics-format';

/** The month a page shows: `?period=YYYY-MM`, else the current month on the organization's calendar. */
export function usePeriodParam(): [string, (period: string) => void] {
  const { org } = useOrg();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('period');
  const period = isPeriod(requested) ? requested : currentPeriod(org.timeZone);
  const choose = useCallback(
    (next: string) =>
      setSearchParams(
        (current) => {
          const params = new URLSearchParams(current);
          params.set('period', next);
          return params;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  return [period, choose];
}

/** The tab a page shows: `?tab=…` when it is one of `tabs`, else the first. */
export function useTabParam<T extends string>(
  tabs: readonly T[],
  /** Names a tab had before a rename, still understood in a link. */
  formerNames: Readonly<Record<string, T>> = {},
): [T, (tab: string | null) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('tab');
  const requested = asked !== null && Object.hasOwn(formerNames, asked) ? formerNames[asked] : asked;
  const tab = (tabs as readonly string[]).includes(requested ?? '') ? (requested as T) : (tabs[0] as T);
  const choose = useCallback(
    (next: string | null) => {
      if (!next || !(tabs as readonly string[]).includes(next)) return;
      setSearchParams(
        (current) => {
          const params = new URLSearchParams(current);
          if (next === tabs[0]) params.delete('tab');
          else params.set('tab', next);
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams, tabs],
  );
  return [tab, choose];
}
