import { describe, expect, it } from 'vitest';
import type { Terms } from './promise-draft';
import { missingPartsOf, type PromiseFormValues, promiseFormValuesOf, promiseInputOf, promisePatchOf } from './promise-form-values';

const terms: Terms = {
  statement: 'Ответ за 4 часа',
  metric: { kind: 'threshold', op: '<=', threshold: 4, unit: 'h' },
  target: 0.95,
  window: { kind: 'rolling', days: 30 },
  redress: null,
} as Terms;

const filled = (patch: Partial<PromiseFormValues>): PromiseFormValues => ({
  ...promiseFormValuesOf(null, null, 'RUB'),
  title: '  Быстрый ответ ',
  teamId: 'team-1',
  segmentId: 'segment-1',
  painIds: ['pain-1'],
  capabilityIds: ['cap-1'],
  rightIds: [],
  ...patch,
});

describe('the promise form’s values', () => {
  it('a new promise from a pain starts with its segment and pain, as a client promise', () => {
    const values = promiseFormValuesOf(null, { segmentId: 'segment-1', painIds: ['pain-1'], painText: 'Долго ждать' }, 'RUB');
    expect(values).toMatchObject({ kind: 'client', segmentId: 'segment-1', painIds: ['pain-1'], teamId: null, title: '' });
  });

  it('names what is missing before asking the server: for an edit only the title, the parties being fixed', () => {
    const empty = promiseFormValuesOf(null, null, 'RUB');
    expect(missingPartsOf(empty, false)).toEqual([
      ['title', 'validation.required'],
      ['promiserTeamId', 'validation.required'],
      ['promiseeSegmentId', 'promises.errors.segmentRequired'],
    ]);
    expect(missingPartsOf({ ...empty, kind: 'internal' }, false).at(-1)).toEqual([
      'promiseeTeamId',
      'promises.errors.promiseeTeamRequired',
    ]);
    expect(missingPartsOf(empty, true)).toEqual([['title', 'validation.required']]);
    expect(missingPartsOf(filled({}), false)).toEqual([]);
  });

  it('a client promise names its segment and pains; an internal one a team, no pains, and what it supports', () => {
    expect(promiseInputOf(filled({}), terms)).toEqual({
      title: 'Быстрый ответ',
      kind: 'client',
      promiserTeamId: 'team-1',
      promiseeSegmentId: 'segment-1',
      painIds: ['pain-1'],
      ...terms,
      requiredCapabilityIds: ['cap-1'],
      requiredRightIds: [],
    });
    const internal = promiseInputOf(filled({ kind: 'internal', promiseeTeamId: 'team-2', supportsId: 'promise-9' }), terms);
    expect(internal).toMatchObject({ promiseeTeamId: 'team-2', painIds: [], supportsPromiseId: 'promise-9' });
    expect(internal).not.toHaveProperty('promiseeSegmentId');
  });

  it('sends the demand forecast a week as typed; an empty one is none on a new promise and cleared on a draft', () => {
    expect(promiseInputOf(filled({ demandForecast: 43 }), terms)).toMatchObject({ demandForecastPerWeek: 43 });
    expect(promiseInputOf(filled({}), terms)).not.toHaveProperty('demandForecastPerWeek');
    expect(promisePatchOf(filled({ demandForecast: '' }), terms)).toMatchObject({ demandForecastPerWeek: null });
    expect(promisePatchOf(filled({ demandForecast: 30 }), terms)).toMatchObject({ demandForecastPerWeek: 30 });
  });

  it('a draft’s change leaves the parties out', () => {
    const patch = promisePatchOf(filled({}), terms);
    expect(patch).toMatchObject({ title: 'Быстрый ответ', painIds: ['pain-1'], requiredCapabilityIds: ['cap-1'] });
    expect(patch).not.toHaveProperty('promiserTeamId');
    expect(patch).not.toHaveProperty('kind');
  });
});
