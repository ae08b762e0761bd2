import { describe, expect, it } from 'vitest';
import { i18n } from '../../shared/i18n';
import { notificationText } from './notification-text';
import { type AppNotification, linkOf } from './notifications.api';

const notice = (subjectType: string, subjectId: string, params: Record<string, unknown> = {}) =>
  ({ subjectType, subjectId, params }) as unknown as AppNotification;

describe('where a notification leads', () => {
  it('to the promise, the requests tab, the decision, the agreement on its team, the rights', () => {
    expect(linkOf('stroydom', notice('promise', 'p1'))).toBe('/o/stroydom/promises/p1');
    expect(linkOf('stroydom', notice('promise_request', 'r1'))).toBe('/o/stroydom/promises?tab=requests');
    expect(linkOf('stroydom', notice('decision', 'd1'))).toBe('/o/stroydom/decisions/d1');
    expect(linkOf('stroydom', notice('agreement', 'a1', { teamId: 't1' }))).toBe('/o/stroydom/teams/t1?tab=agreements&agreement=a1');
    expect(linkOf('stroydom', notice('grant', 'g1'))).toBe('/o/stroydom/rights');
    expect(linkOf('stroydom', notice('something_else', 'x'))).toBeNull();
  });

  it('a trade to confirm or answered: to the trades of the team told, in the trade’s month', () => {
    expect(linkOf('stroydom', notice('trade', 'tr1', { teamId: 't2', period: '2026-10' }))).toBe(
      '/o/stroydom/teams/t2/economics?period=2026-10&tab=trades',
    );
    expect(linkOf('stroydom', notice('trade', 'tr1'))).toBe('/o/stroydom/economics');
  });
});

describe('what a trade notification says', () => {
  const format = {
    day: (d: string) => d,
    money: (minor: number) => `${minor / 100} ₽`,
    month: (p: string) => (p === '2026-10' ? 'октябрь 2026 г.' : p),
  };
  const trade = (kind: string, params: Record<string, unknown>) =>
    ({ kind, subjectType: 'trade', subjectId: 't', params }) as unknown as AppNotification;

  it('names the other team, the amount and the month, and whether the other side confirmed or declined', async () => {
    await i18n.changeLanguage('ru');
    expect(
      notificationText(
        i18n.t,
        trade('trade_to_confirm', { period: '2026-10', amountMinor: 12_000_000, teamId: 'x', otherTeam: 'Бригада Соколова' }),
        format,
      ),
    ).toBe('«Бригада Соколова»: внутренняя сделка на 120000 ₽ за октябрь 2026 г. ждёт подтверждения вашей команды');
    expect(
      notificationText(
        i18n.t,
        trade('trade_answered', { period: '2026-10', amountMinor: 500, status: 'declined', otherTeam: 'Продажи' }),
        format,
      ),
    ).toBe('«Продажи»: ваша внутренняя сделка на 5 ₽ за октябрь 2026 г. отклонена');
    await i18n.changeLanguage('en');
    expect(
      notificationText(
        i18n.t,
        trade('trade_answered', { period: '2026-10', amountMinor: 500, status: 'confirmed', otherTeam: 'Sales' }),
        format,
      ),
    ).toBe('Sales: your internal trade of 5 ₽ for октябрь 2026 г. was confirmed');
  });
});
