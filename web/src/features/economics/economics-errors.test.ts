import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { i18n } from '../../shared/i18n';
import { isPeriodClosed, localizeEconomicsError, translateEconomicsMessage } from './economics-errors';

const money = (minor: number) => `${minor / 100} ₽`;

describe('the economics API’s field messages in the interface language', () => {
  it('carries the number the server names: the points given, the weights, what the reserve holds', async () => {
    await i18n.changeLanguage('ru');
    expect(translateEconomicsMessage('give exactly 100 points in all (these add up to 90)', money)).toBe(
      'Раздайте ровно 100 баллов (сейчас 90)',
    );
    expect(translateEconomicsMessage('the weights must sum to 1 (they sum to 0.8)', money)).toBe('Сумма весов должна быть 1 (сейчас 0,8)');
    expect(translateEconomicsMessage('more than the reserve holds (1500050 minor units)', money)).toBe(
      'Больше, чем есть в резерве (15000.5 ₽)',
    );
    expect(translateEconomicsMessage('the percentages must sum to 100% (they sum to 90%)', money)).toBe(
      'Проценты должны в сумме давать 100 % (сейчас 90 %)',
    );
    await i18n.changeLanguage('en');
    expect(translateEconomicsMessage('a member gives points to teammates, never to themselves', money)).toBe(
      'Give points to teammates, never to yourself',
    );
    expect(translateEconomicsMessage('no team "Склад" in the organization', money)).toBe('No team “Склад” in the organization');
    expect(translateEconomicsMessage('something new', money)).toBe('something new');
  });

  it('keeps the paths, so each message lands on its field; a closed month is told apart', async () => {
    await i18n.changeLanguage('en');
    const error = new ApiError(422, 'validation_failed', '', [{ path: 'buyerTeamId', message: 'a team does not trade with itself' }]);
    expect((localizeEconomicsError(error, money) as ApiError).fields).toEqual([
      { path: 'buyerTeamId', message: 'A team does not trade with itself' },
    ]);
    expect(isPeriodClosed(new ApiError(409, 'period_closed', 'closed'))).toBe(true);
    expect(isPeriodClosed(new ApiError(409, 'conflict', 'x'))).toBe(false);
  });
});
