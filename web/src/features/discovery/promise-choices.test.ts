import { describe, expect, it } from 'vitest';
import type { PromiseItem } from '../promises/promises.api';
import { canMeasureFactor, promiseChoicesOf } from './promise-choices';

const promise = (id: string, title: string, change: Partial<PromiseItem> = {}): PromiseItem =>
  ({
    id,
    title,
    kind: 'client',
    status: 'published',
    promiseeSegment: { id: 'owners', name: 'House owners' },
    promiseeTeam: null,
    ...change,
  }) as PromiseItem;

const promises = [
  promise('p1', 'Сдаём дом в срок'),
  promise('p2', 'Ответ гарантийной службы за 24 часа', { status: 'draft' }),
  promise('p3', 'Справка за три дня', { promiseeSegment: { id: 'citizens', name: 'Citizens' } }),
  promise('p4', 'Бригада выезжает за два дня', { kind: 'internal', promiseeSegment: null }),
  promise('p5', 'Старое обещание', { status: 'retired' }),
];

describe('the promises a canvas factor may be bound to', () => {
  it('offers client promises that are still measured: the canvas’s segment first, each group by title', () => {
    expect(promiseChoicesOf(promises, 'owners', null, 'ru-RU')).toEqual([
      {
        group: 'segment',
        items: [
          { id: 'p2', title: 'Ответ гарантийной службы за 24 часа', lifecycle: 'draft' },
          { id: 'p1', title: 'Сдаём дом в срок', lifecycle: 'published' },
        ],
      },
      { group: 'other', items: [{ id: 'p3', title: 'Справка за три дня', lifecycle: 'published' }] },
    ]);
  });

  it('keeps the promise bound now, even one that could not be bound anew, and one it could not load', () => {
    const ids = (boundId: string) =>
      promiseChoicesOf(promises, 'owners', boundId, 'ru-RU').flatMap((g) => g.items.map((c) => [c.id, c.title]));
    expect(ids('p4')).toContainEqual(['p4', 'Бригада выезжает за два дня']);
    expect(ids('p5')).toContainEqual(['p5', 'Старое обещание']);
    expect(promiseChoicesOf([], 'owners', 'gone', 'en-GB')).toEqual([
      { group: 'segment', items: [{ id: 'gone', title: null, lifecycle: null }] },
    ]);
  });

  it('leaves out empty groups', () => {
    expect(promiseChoicesOf([promises[2]!], 'owners', null, 'en-GB').map((g) => g.group)).toEqual(['other']);
    expect(promiseChoicesOf([], 'owners', null, 'en-GB')).toEqual([]);
  });

  it('measures a factor by client promises only, not retired ones', () => {
    expect(promises.map(canMeasureFactor)).toEqual([true, true, true, false, false]);
  });
});
