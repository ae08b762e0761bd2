import { describe, expect, it } from 'vitest';
import {
  FULFILLMENT_STATUSES as SERVER_FULFILLMENTS,
  PROMISE_KINDS as SERVER_KINDS,
  PROMISE_STATUSES as SERVER_LIFECYCLE,
  THRESHOLD_OPS as SERVER_OPS,
  REDRESS_KINDS as SERVER_REDRESS_KINDS,
} from '../../../../src/modules/promises/promise.schema';
import { ApiError } from '../../shared/api/client';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { canWaiveBacking, isBacked, missingBacking, missingFromError, undeclaredBacking } from './promise-backing';
import { changedTerms, draftOf, NEW_TERMS, termsOf } from './promise-draft';
import { localizePromiseError, localizeWaiverError } from './promise-errors';
import {
  chartInstants,
  chartPoint,
  durationMs,
  formatPercent,
  mapLimited,
  parseDuration,
  sortWorstFirst,
  targetFromPercent,
  targetToPercent,
} from './promise-format';
import { FULFILLMENTS, PROMISE_KINDS, PROMISE_LIFECYCLE, type PromiseStatus, REDRESS_KINDS, THRESHOLD_OPS } from './promises.api';
import { opKey } from './terms-fields';

type Tree = { [key: string]: string | Tree };

function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0;
}

function status(partial: Partial<PromiseStatus>): PromiseStatus {
  return {
    attainment: 0.99,
    good: 99,
    total: 100,
    target: 0.95,
    budgetConsumed: 0.2,
    budgetRemaining: 0.8,
    burnRates: [],
    alerts: [],
    status: 'kept',
    unbacked: false,
    overCapacity: false,
    window: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' },
    version: 1,
    ...partial,
  };
}

describe('keys the promise screens build at run time', () => {
  it('follow the server’s lists', () => {
    expect([...FULFILLMENTS].sort()).toEqual([...SERVER_FULFILLMENTS].sort());
    expect([...PROMISE_LIFECYCLE].sort()).toEqual([...SERVER_LIFECYCLE].sort());
    expect([...PROMISE_KINDS]).toEqual([...SERVER_KINDS]);
    expect([...REDRESS_KINDS]).toEqual([...SERVER_REDRESS_KINDS]);
    expect([...THRESHOLD_OPS]).toEqual([...SERVER_OPS]);
  });

  it('exist in both languages', () => {
    const keys = [
      ...FULFILLMENTS.flatMap((s) => [`promises.fulfillment.${s}`, `promises.fulfillmentHints.${s}`]),
      ...PROMISE_LIFECYCLE.flatMap((s) => [`promises.lifecycle.${s}`, `promises.tabs.${s}`, `promises.empty.${s}`]),
      ...PROMISE_KINDS.map((kind) => `promises.kinds.${kind}`),
      ...['all', 'client', 'internal'].map((kind) => `promises.kindFilter.${kind}`),
      ...REDRESS_KINDS.map((kind) => `promises.redressKinds.${kind}`),
      ...THRESHOLD_OPS.map((op) => `promises.ops.${opKey(op)}`),
      ...['page', 'ticket'].map((severity) => `promises.alerts.severities.${severity}`),
      ...['month', 'quarter'].flatMap((period) => [`promises.window.${period}`, `promises.window.${period}Text`]),
      ...['one', 'few', 'many', 'other'].map((form) => `promises.window.rollingText_${form}`),
    ];
    for (const [locale, tree] of Object.entries({ en, ru })) {
      expect(
        keys.filter((key) => !has(tree as unknown as Tree, key)),
        `missing in ${locale}`,
      ).toEqual([]);
    }
  });
});

describe('figures', () => {
  it('turns a target in percent into the API’s share and back', () => {
    expect(targetFromPercent(95)).toBe(0.95);
    expect(targetFromPercent('99,9')).toBe(0.999);
    expect(targetFromPercent(99.95)).toBe(0.9995);
    expect(targetFromPercent(0)).toBeNull();
    expect(targetFromPercent(100)).toBeNull();
    expect(targetFromPercent('')).toBeNull();
    expect(targetToPercent(0.999)).toBe(99.9);
  });

  it('formats percents in the interface language as the board does (half up, 1 decimal), and no data as a dash', () => {
    expect(formatPercent(0.9778, 'en-GB')).toBe('97.8%');
    expect(formatPercent(0.9778, 'ru-RU').replace(/\s/g, ' ')).toBe('97,8 %');
    expect(formatPercent(null, 'en-GB')).toBe('—');
  });

  it('reads the ISO durations the status endpoint writes', () => {
    expect(parseDuration('PT1H')).toEqual({ days: 0, hours: 1, minutes: 0, seconds: 0 });
    expect(parseDuration('P1DT2H30M')).toEqual({ days: 1, hours: 2, minutes: 30, seconds: 0 });
    expect(durationMs('PT5M')).toBe(300_000);
    expect(durationMs('P3D')).toBe(3 * 86_400_000);
  });

  it('sorts worst first: broken, at risk, no data, kept; the furthest below target first', () => {
    const rows = [
      { title: 'kept', s: status({ status: 'kept' }) },
      { title: 'no data', s: status({ status: 'no_data', attainment: null, total: 0 }) },
      { title: 'broken a little', s: status({ status: 'broken', attainment: 0.94 }) },
      { title: 'at risk', s: status({ status: 'at_risk' }) },
      { title: 'broken badly', s: status({ status: 'broken', attainment: 0.5 }) },
      { title: 'not loaded', s: null },
    ];
    expect(sortWorstFirst(rows, (row) => row.s).map((row) => row.title)).toEqual([
      'broken badly',
      'broken a little',
      'at risk',
      'no data',
      'kept',
      'not loaded',
    ]);
  });

  it('spreads the chart’s instants over the window, the last at its end', () => {
    const instants = chartInstants(0, 3000, 30);
    expect(instants).toHaveLength(30);
    expect(instants[0]).toBe(100);
    expect(instants[29]).toBe(3000);
    expect(chartInstants(5, 5)).toEqual([5]);
  });

  it('draws no data as a gap, not as 100 %', () => {
    expect(chartPoint(1, status({ attainment: null, total: 0, budgetRemaining: 1 }))).toEqual({
      at: 1,
      attainment: null,
      budgetRemaining: null,
      target: 0.95,
    });
    expect(chartPoint(1, status({})).budgetRemaining).toBe(0.8);
  });

  it('runs at most `limit` requests at a time and keeps the order', async () => {
    let running = 0;
    let most = 0;
    const result = await mapLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5 * (8 - n)));
      running--;
      return n * 2;
    });
    expect(result).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(most).toBe(3);
  });
});

describe('terms in the form', () => {
  it('turns the form into the API’s terms: percent → share, money → minor units', () => {
    const result = termsOf(
      {
        ...NEW_TERMS,
        statement: '  Answer within 24 hours ',
        threshold: '24',
        unit: 'hours',
        targetPercent: 95,
        hasRedress: true,
        redressKind: 'compensation',
        redressAmount: '1500,50',
        redressText: 'Money back',
      },
      'RUB',
    );
    expect(result.errors).toBeNull();
    expect(result.terms).toEqual({
      statement: 'Answer within 24 hours',
      metric: { kind: 'threshold', op: '<=', threshold: 24, unit: 'hours' },
      target: 0.95,
      window: { kind: 'rolling', days: 30 },
      redress: { kind: 'compensation', amount: 150050, text: 'Money back' },
    });
  });

  it('names the fields the browser can already see are wrong, by the API’s paths', () => {
    const result = termsOf(
      { ...NEW_TERMS, threshold: '', targetPercent: 100, days: 0, hasRedress: true, redressKind: 'compensation' },
      'RUB',
    );
    expect(Object.keys(result.errors ?? {}).sort()).toEqual([
      'metric.threshold',
      'redress.amount',
      'redress.text',
      'statement',
      'target',
      'window.days',
    ]);
  });

  it('starts a new version from the terms in force and sends only what changed', () => {
    const current = {
      statement: 'S',
      metric: { kind: 'ratio' as const },
      target: 0.9,
      window: { kind: 'calendar' as const, period: 'quarter' as const },
      redress: { kind: 'compensation' as const, amount: 500000, text: 'T' },
    };
    const draft = draftOf(current, 'RUB');
    expect(draft.redressAmount).toBe(5000);
    expect(draft.targetPercent).toBe(90);
    const same = termsOf(draft, 'RUB');
    expect(same.terms && changedTerms(current, same.terms)).toEqual({});
    const next = termsOf({ ...draft, targetPercent: 92 }, 'RUB');
    expect(next.terms && changedTerms(current, next.terms)).toEqual({ target: 0.92 });
  });
});

describe('backing', () => {
  const backing = {
    capabilities: [{ id: 'c1', name: 'Field engineers' }] as never[],
    rights: [
      { id: 'r1', name: 'Decide warranty cases' },
      { id: 'r2', name: 'Change the work schedule' },
    ] as never[],
    heldRightIds: new Set(['r1']),
  };

  it('finds what the team lacks, as the server checks it', () => {
    const missing = missingBacking({ requiredCapabilityIds: ['c1', 'c9'], requiredRightIds: ['r1', 'r2'] }, backing);
    expect(missing).toEqual({ capabilities: [{ id: 'c9', name: '' }], rights: [{ id: 'r2', name: 'Change the work schedule' }] });
    expect(isBacked(missing)).toBe(false);
    expect(isBacked(missingBacking({ requiredCapabilityIds: ['c1'], requiredRightIds: ['r1'] }, backing))).toBe(true);
  });

  it('reads the names out of a 422 backing_missing', () => {
    const error = new ApiError(422, 'backing_missing', 'the promiser team does not hold: right "Change the work schedule"', [
      {
        path: 'requiredRightIds.1',
        code: 'backing_missing',
        params: { entity: 'right', name: 'Change the work schedule' },
        message: 'missing right "Change the work schedule"',
      },
      {
        path: 'requiredCapabilityIds.0',
        code: 'backing_missing',
        params: { entity: 'capability', name: 'Crane' },
        message: 'missing capability "Crane"',
      },
    ]);
    expect(missingFromError(error, { requiredCapabilityIds: ['c7'], requiredRightIds: ['r1', 'r2'] })).toEqual({
      capabilities: [{ id: 'c7', name: 'Crane' }],
      rights: [{ id: 'r2', name: 'Change the work schedule' }],
      undeclared: [],
    });
    expect(missingFromError(new ApiError(422, 'validation_failed', ''), { requiredCapabilityIds: [], requiredRightIds: [] })).toBeNull();
  });

  it('reads the lists a client promise leaves empty out of a 422 backing_missing', () => {
    const error = new ApiError(422, 'backing_missing', 'a client promise declares at least one capability and one decision right', [
      { path: 'requiredCapabilityIds', message: 'a client promise declares at least one capability its team holds' },
      { path: 'requiredRightIds', message: 'a client promise declares at least one decision right its team holds' },
    ]);
    const refusal = missingFromError(error, { requiredCapabilityIds: [], requiredRightIds: [] });
    expect(refusal).toEqual({ capabilities: [], rights: [], undeclared: ['capabilities', 'rights'] });
    // Only an admin may waive, and only when nothing declared is missing.
    expect(refusal && canWaiveBacking('admin', refusal)).toBe(true);
    expect(refusal && canWaiveBacking('council', refusal)).toBe(false);
    expect(refusal && canWaiveBacking('member', refusal)).toBe(false);
    const mixed = missingFromError(
      new ApiError(422, 'backing_missing', '', [
        { path: 'requiredRightIds.0', message: 'missing right "Change the work schedule"' },
        { path: 'requiredCapabilityIds', message: 'a client promise declares at least one capability its team holds' },
      ]),
      { requiredCapabilityIds: [], requiredRightIds: ['r2'] },
    );
    expect(mixed?.undeclared).toEqual(['capabilities']);
    expect(mixed && canWaiveBacking('admin', mixed)).toBe(false);
  });

  it('asks a client promise, not an internal one, to declare a capability and a right', () => {
    expect(undeclaredBacking('client', { requiredCapabilityIds: [], requiredRightIds: [] })).toEqual(['capabilities', 'rights']);
    expect(undeclaredBacking('client', { requiredCapabilityIds: ['c1'], requiredRightIds: [] })).toEqual(['rights']);
    expect(undeclaredBacking('client', { requiredCapabilityIds: [], requiredRightIds: ['r1'] })).toEqual(['capabilities']);
    expect(undeclaredBacking('client', { requiredCapabilityIds: ['c1'], requiredRightIds: ['r1'] })).toEqual([]);
    expect(undeclaredBacking('internal', { requiredCapabilityIds: [], requiredRightIds: [] })).toEqual([]);
  });

  it('shows a refused waiver on the reason field, in the interface language', () => {
    const error = localizeWaiverError(
      new ApiError(422, 'validation_failed', '', [
        {
          path: 'backingWaiver',
          code: 'unnecessary',
          params: {},
          message: 'nothing to waive: the promise declares a capability and a decision right',
        },
      ]),
    ) as ApiError;
    expect(error.fields[0]?.path).toBe('reason');
    expect(error.fields[0]?.message).not.toMatch(/nothing to waive:/);
  });

  it('folds list items onto their list field', () => {
    const error = localizePromiseError(
      new ApiError(422, 'validation_failed', '', [
        { path: 'painIds.2', code: 'mismatch', params: { entity: 'segment' }, message: 'a pain of another segment than the promise’s' },
      ]),
    ) as ApiError;
    expect(error.fields[0]?.path).toBe('painIds');
    expect(error.fields[0]?.message).not.toMatch(/another segment than/);
  });
});
