import { describe, expect, it } from 'vitest';
import {
  answerDueAt,
  answerEvent,
  answerEventId,
  checkTransition,
  computeThreshold,
  crossesThreshold,
  mergeObligation,
  type ProposalStatus,
  type StatusChange,
} from './proposals.js';

const DAY = 24 * 3600 * 1000;

describe('the support threshold', () => {
  it.each([
    ['a count is the count', 'count', 10, 500, 10],
    ['a count of 0 still needs one support', 'count', 0, 500, 1],
    ['5% of 500 clients', 'share', 500, 500, 25],
    ['5% of 10 clients rounds up to 1', 'share', 500, 10, 1],
    ['2.5% of 130 clients = 3.25 → 4', 'share', 250, 130, 4],
    ['100% of 7 clients', 'share', 10_000, 7, 7],
    ['any share of an empty segment still needs one', 'share', 1000, 0, 1],
  ] as const)('%s', (_name, kind, value, clients, expected) => {
    expect(computeThreshold(kind, value, clients)).toBe(expected);
  });

  it('is crossed once: at the support that reaches it, not again after', () => {
    expect(crossesThreshold(2, 3, null)).toBe(false);
    expect(crossesThreshold(3, 3, null)).toBe(true);
    expect(crossesThreshold(4, 3, 1000)).toBe(false);
  });

  it('owes the answer N days after it is reached', () => {
    expect(answerDueAt(1_000, 14)).toBe(1_000 + 14 * DAY);
  });
});

describe('status changes', () => {
  const cases: [string, ProposalStatus, StatusChange, string | null][] = [
    ['open → under consideration', 'open', { to: 'under_consideration' }, null],
    ['under consideration → accepted with an answer', 'under_consideration', { to: 'accepted', answer: 'Yes, from May' }, null],
    ['under consideration → declined with an answer', 'under_consideration', { to: 'declined', answer: 'Too costly' }, null],
    ['accepted needs an answer', 'under_consideration', { to: 'accepted' }, 'answer'],
    ['declined needs an answer (blank is none)', 'open', { to: 'declined', answer: '   ' }, 'answer'],
    ['accepted → implemented with a link', 'accepted', { to: 'implemented', implementedType: 'promise', implementedId: 'p1' }, null],
    ['implemented needs what implements it', 'accepted', { to: 'implemented' }, 'implementedType'],
    ['implemented needs its id', 'accepted', { to: 'implemented', implementedType: 'decision', implementedId: '' }, 'implementedId'],
    [
      'only an accepted proposal is implemented',
      'under_consideration',
      { to: 'implemented', implementedType: 'promise', implementedId: 'p' },
      'status',
    ],
    ['a declined proposal is not implemented', 'declined', { to: 'implemented', implementedType: 'promise', implementedId: 'p' }, 'status'],
    ['merged is terminal', 'merged', { to: 'open' }, 'status'],
    ['implemented is terminal', 'implemented', { to: 'accepted', answer: 'x' }, 'status'],
    ['merged is reached only by merging', 'open', { to: 'merged' }, 'status'],
    ['the same status again', 'open', { to: 'open' }, 'status'],
  ];
  it.each(cases)('%s', (_name, from, change, problemPath) => {
    expect(checkTransition(from, change)?.path ?? null).toBe(problemPath);
  });

  it('a wrong current status is a conflict; a missing answer is bad input', () => {
    expect(checkTransition('implemented', { to: 'accepted', answer: 'x' })?.conflict).toBe(true);
    expect(checkTransition('open', { to: 'accepted' })?.conflict).toBe(false);
  });
});

describe('the owed answer', () => {
  const due = 100 * DAY;
  it.each([
    ['no threshold reached: nothing owed', null, null, 200 * DAY, null],
    ['answered a day before the due time: good, at the answer', due, due - DAY, due + 5 * DAY, { good: true, occurredAt: due - DAY }],
    ['answered exactly at the due time: good', due, due, due, { good: true, occurredAt: due }],
    ['answered a minute late: bad, at the due time', due, due + 60_000, due + DAY, { good: false, occurredAt: due }],
    ['not answered, still time: nothing yet', due, null, due - 1, null],
    ['not answered when the due time comes: bad, at the due time', due, null, due, { good: false, occurredAt: due }],
  ] as const)('%s', (_name, dueAt, answeredAt, now, expected) => {
    expect(answerEvent(dueAt, answeredAt, now)).toEqual(expected);
  });

  it('has one external id per proposal', () => {
    expect(answerEventId('abc')).toBe('proposal:abc:answer');
  });
});

describe('merging a duplicate that is owed an answer', () => {
  const none = { thresholdReachedAt: null, answerDueAt: null, answeredAt: null, isAnswered: false };
  it('nothing owed: nothing moves', () => {
    expect(mergeObligation({ thresholdReachedAt: null, answerDueAt: null, answeredAt: null }, none, 5)).toEqual({ kind: 'none' });
  });
  it('overdue: the duplicate keeps it (its bad event is due)', () => {
    expect(mergeObligation({ thresholdReachedAt: 0, answerDueAt: 10, answeredAt: null }, none, 11)).toEqual({ kind: 'overdue' });
  });
  it('the survivor is answered: that answers the duplicate now', () => {
    expect(mergeObligation({ thresholdReachedAt: 0, answerDueAt: 10, answeredAt: null }, { ...none, isAnswered: true }, 5)).toEqual({
      kind: 'answered_by_survivor',
    });
  });
  it('otherwise it moves to the survivor, due at the earlier time', () => {
    expect(
      mergeObligation({ thresholdReachedAt: 2, answerDueAt: 10, answeredAt: null }, { ...none, thresholdReachedAt: 4, answerDueAt: 12 }, 5),
    ).toEqual({ kind: 'moved', thresholdReachedAt: 2, answerDueAt: 10 });
    expect(mergeObligation({ thresholdReachedAt: 2, answerDueAt: 10, answeredAt: null }, none, 5)).toEqual({
      kind: 'moved',
      thresholdReachedAt: 2,
      answerDueAt: 10,
    });
  });
});
