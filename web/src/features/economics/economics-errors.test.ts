import { describe, expect, it } from 'vitest';
import { ApiError, type FieldError } from '../../shared/api/client';
import { i18n } from '../../shared/i18n';
import { isPeriodClosed, localizeEconomicsError } from './economics-errors';

const money = (minor: number) => `${minor / 100} ₽`;

/** The one field's message after localizing, as the form shows it. */
const shown = (field: FieldError) =>
  (localizeEconomicsError(new ApiError(422, 'validation_failed', '', [field]), money) as ApiError).fields[0]?.message;

describe('the economics API’s field errors in the interface language', () => {
  it('carries the number the server names: the points given, the weights, what the reserve holds', async () => {
    await i18n.changeLanguage('ru');
    expect(
      shown({
        path: 'points',
        code: 'sum_mismatch',
        params: { expected: 100, actual: 90 },
        message: 'give exactly 100 points in all (these add up to 90)',
      }),
    ).toBe('Раздайте ровно 100 баллов (сейчас 90)');
    expect(
      shown({
        path: 'weights',
        code: 'sum_mismatch',
        params: { expected: 1, actual: 0.8 },
        message: 'the weights must sum to 1 (they sum to 0.8)',
      }),
    ).toBe('Сумма весов должна быть 1 (сейчас 0,8)');
    expect(
      shown({
        path: 'amountMinor',
        code: 'exceeds_reserve',
        params: { available: 1500050 },
        message: 'more than the reserve holds (1500050 minor units)',
      }),
    ).toBe('Больше, чем есть в резерве (15000.5 ₽)');
    expect(
      shown({
        path: 'percentages',
        code: 'sum_mismatch',
        params: { expected: 100, actual: 90 },
        message: 'the percentages must sum to 100% (they sum to 90%)',
      }),
    ).toBe('Проценты должны в сумме давать 100 % (сейчас 90 %)');
    await i18n.changeLanguage('en');
    expect(
      shown({ path: 'points.u1', code: 'self_reference', params: {}, message: 'a member gives points to teammates, never to themselves' }),
    ).toBe('Give points to teammates, never to yourself');
    expect(
      shown({
        path: 'rows.2.team',
        code: 'not_found',
        params: { entity: 'team', name: 'Склад' },
        message: 'no team "Склад" in the organization',
      }),
    ).toBe('No team “Склад” in the organization');
    expect(shown({ path: 'note', code: 'brand_new', params: {}, message: 'something new' })).toBe('something new');
  });

  it('keeps the paths, so each message lands on its field; a closed month is told apart', async () => {
    await i18n.changeLanguage('en');
    const error = new ApiError(422, 'validation_failed', '', [
      { path: 'buyerTeamId', code: 'self_reference', params: {}, message: 'a team does not trade with itself' },
    ]);
    expect((localizeEconomicsError(error, money) as ApiError).fields).toEqual([
      { path: 'buyerTeamId', message: 'A team does not trade with itself' },
    ]);
    expect(isPeriodClosed(new ApiError(409, 'period_closed', 'closed'))).toBe(true);
    expect(isPeriodClosed(new ApiError(409, 'conflict', 'x'))).toBe(false);
  });
});
