import { describe, expect, it } from 'vitest';
import { addToDeltas, type CounterDeltas, deltaRows } from './counters.js';
import { classifyEvents, type IngestEvent, type JudgingVersion, rejudgeEvents, type SentEvent, type StoredEvent } from './ingest.js';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Version 1 (ratio) from T0, version 2 (latency ≤ 300 ms) from T0 + 10 h. */
const VERSIONS: JudgingVersion[] = [
  { version: 1, effectiveFrom: T0, metric: { kind: 'ratio' } },
  { version: 2, effectiveFrom: T0 + 10 * HOUR, metric: { kind: 'threshold', op: '<=', threshold: 300, unit: 'ms' } },
];
const WINDOW = { earliest: T0 - 400 * 24 * HOUR, latest: T0 + 48 * HOUR };
const CLIENTS = new Set(['client-1']);

const sent = (event: IngestEvent): SentEvent => ({ sentId: event.externalId, event });
const ev = (externalId: string, at: number, rest: Partial<IngestEvent> = {}): SentEvent =>
  sent({ externalId, occurredAt: iso(at), ...rest });

interface Case {
  name: string;
  events: SentEvent[];
  stored?: [string, StoredEvent][];
  rows: { externalId: string; good: 0 | 1; version: number }[];
  rejected: { index: number; path: string; code: string; message: string }[];
  duplicates: number;
}

const CASES: Case[] = [
  {
    name: 'a good and a bad event, each judged by the version in force when it happened',
    events: [ev('a', T0 + HOUR, { good: true }), ev('b', T0 + 11 * HOUR, { value: 450 })],
    rows: [
      { externalId: 'a', good: 1, version: 1 },
      { externalId: 'b', good: 0, version: 2 },
    ],
    rejected: [],
    duplicates: 0,
  },
  {
    name: 'an event before the first version is judged by the first',
    events: [ev('early', T0 - 5 * HOUR, { good: false })],
    rows: [{ externalId: 'early', good: 0, version: 1 }],
    rejected: [],
    duplicates: 0,
  },
  {
    name: 'a duplicate with the same payload, in the batch and already stored',
    events: [ev('a', T0 + HOUR, { good: true }), ev('a', T0 + HOUR, { good: true }), ev('s', T0 + 2 * HOUR, { good: false })],
    stored: [['s', { occurredAt: T0 + 2 * HOUR, good: 0, value: null, clientId: null, voidedAt: null }]],
    rows: [{ externalId: 'a', good: 1, version: 1 }],
    rejected: [],
    duplicates: 2,
  },
  {
    name: 'the same id with another payload is a conflict, in the batch or stored',
    events: [ev('a', T0 + HOUR, { good: true }), ev('a', T0 + HOUR, { good: false }), ev('s', T0 + 3 * HOUR, { good: false })],
    stored: [['s', { occurredAt: T0 + 2 * HOUR, good: 1, value: null, clientId: null, voidedAt: null }]],
    rows: [{ externalId: 'a', good: 1, version: 1 }],
    rejected: [
      {
        index: 1,
        path: 'events.1.externalId',
        code: 'conflict',
        message: 'externalId: "a" is taken by event 0 of this batch with a different good',
      },
      {
        index: 2,
        path: 'events.2.externalId',
        code: 'conflict',
        message: 'externalId: "s" is taken by an event already stored with a different occurredAt, good',
      },
    ],
    duplicates: 0,
  },
  {
    name: 'the id of a voided event is a conflict even with the same payload',
    events: [ev('v', T0 + HOUR, { good: true })],
    stored: [['v', { occurredAt: T0 + HOUR, good: 1, value: null, clientId: null, voidedAt: T0 + 2 * HOUR }]],
    rows: [],
    rejected: [
      {
        index: 0,
        path: 'events.0.externalId',
        code: 'conflict',
        message: 'externalId: the event "v" was voided; send the corrected event under a new externalId',
      },
    ],
    duplicates: 0,
  },
  {
    name: 'an unknown client is refused, a known one accepted',
    events: [ev('a', T0 + HOUR, { good: true, clientId: 'nobody' }), ev('b', T0 + HOUR, { good: false, clientId: 'client-1' })],
    rows: [{ externalId: 'b', good: 0, version: 1 }],
    rejected: [{ index: 0, path: 'events.0.clientId', code: 'unknown_client', message: 'clientId: no such client in the organization' }],
    duplicates: 0,
  },
  {
    name: 'out of range: ahead of the latest instant, or before the earliest',
    events: [
      ev('late', WINDOW.latest + 1, { good: true }),
      ev('old', WINDOW.earliest - 1, { good: true }),
      ev('edge', WINDOW.latest, { value: 1 }),
    ],
    rows: [{ externalId: 'edge', good: 1, version: 2 }],
    rejected: [
      { index: 0, path: 'events.0.occurredAt', code: 'out_of_range', message: 'occurredAt: more than a day in the future' },
      {
        index: 1,
        path: 'events.1.occurredAt',
        code: 'out_of_range',
        message: 'occurredAt: more than 400 days before the promise was made',
      },
    ],
    duplicates: 0,
  },
  {
    name: 'an event its metric cannot judge: no good for a ratio, no value for a threshold',
    events: [ev('r', T0 + HOUR, { value: 3 }), ev('t', T0 + 12 * HOUR, { good: true })],
    rows: [],
    rejected: [
      { index: 0, path: 'events.0.good', code: 'unjudgeable', message: 'good: required for a ratio promise (true or false)' },
      { index: 1, path: 'events.1.value', code: 'unjudgeable', message: 'value: required for a threshold promise (ms)' },
    ],
    duplicates: 0,
  },
  {
    name: 'a shape error is refused where it is, the next event still taken',
    events: [
      { sentId: 'x', row: 2, invalid: { field: 'occurredAt', message: 'occurredAt: must be an ISO-8601 date-time' } },
      { sentId: null, invalid: { field: null, message: 'event: expected object' } },
      ev('ok', T0 + HOUR, { good: true }),
    ],
    rows: [{ externalId: 'ok', good: 1, version: 1 }],
    rejected: [
      { index: 0, path: 'events.0.occurredAt', code: 'validation_failed', message: 'occurredAt: must be an ISO-8601 date-time' },
      { index: 1, path: 'events.1', code: 'validation_failed', message: 'event: expected object' },
    ],
    duplicates: 0,
  },
];

describe('classifyEvents', () => {
  it.each(CASES)('$name', (c) => {
    const result = classifyEvents(c.events, VERSIONS, CLIENTS, WINDOW, new Map(c.stored ?? []));
    expect(result.rows.map(({ row }) => ({ externalId: row.externalId, good: row.good, version: row.version }))).toEqual(c.rows);
    expect(result.rejected.map(({ index, path, code, message }) => ({ index, path, code, message }))).toEqual(c.rejected);
    expect(result.duplicates).toBe(c.duplicates);
  });

  it('a refusal carries the id as sent, the file row, and the message twice (reason for older clients)', () => {
    const { rejected } = classifyEvents(
      [{ sentId: 'e-7', row: 8, invalid: { field: 'good', message: 'good: expected boolean' } }],
      VERSIONS,
      CLIENTS,
      WINDOW,
      new Map(),
    );
    expect(rejected).toEqual([
      {
        index: 0,
        row: 8,
        externalId: 'e-7',
        path: 'events.0.good',
        code: 'validation_failed',
        message: 'good: expected boolean',
        reason: 'good: expected boolean',
      },
    ]);
  });

  it('an accepted row is stored as sent: epoch ms, 1/0, value and client or null', () => {
    const { rows } = classifyEvents(
      [ev('t', T0 + 12 * HOUR, { value: 300, clientId: 'client-1' }), ev('r', T0 + HOUR, { good: false })],
      VERSIONS,
      CLIENTS,
      WINDOW,
      new Map(),
    );
    expect(rows.map((r) => r.row)).toEqual([
      { externalId: 't', occurredAt: T0 + 12 * HOUR, good: 1, value: 300, clientId: 'client-1', version: 2 },
      { externalId: 'r', occurredAt: T0 + HOUR, good: 0, value: null, clientId: null, version: 1 },
    ]);
    expect(rows[0]?.version).toBe(VERSIONS[1]);
  });
});

describe('rejudgeEvents', () => {
  it('a threshold event moves with the new threshold; a ratio event keeps its verdict, its version follows', () => {
    const tighter: JudgingVersion[] = [
      VERSIONS[0]!,
      { version: 3, effectiveFrom: T0 + 10 * HOUR, metric: { kind: 'threshold', op: '<=', threshold: 200, unit: 'ms' } },
    ];
    const changes = rejudgeEvents(
      [
        { externalId: 'slow', occurredAt: T0 + 11 * HOUR, good: 1, value: 250, version: 2 },
        { externalId: 'fast', occurredAt: T0 + 11 * HOUR, good: 1, value: 100, version: 2 },
        { externalId: 'same', occurredAt: T0 + HOUR, good: 1, value: null, version: 1 },
        { externalId: 'ratio-late', occurredAt: T0 + 12 * HOUR, good: 0, value: null, version: 2 },
      ],
      tighter,
    );
    expect(changes).toEqual([
      { externalId: 'slow', occurredAt: T0 + 11 * HOUR, good: 0, version: 3, goodDelta: -1 },
      { externalId: 'fast', occurredAt: T0 + 11 * HOUR, good: 1, version: 3, goodDelta: 0 },
      { externalId: 'ratio-late', occurredAt: T0 + 12 * HOUR, good: 0, version: 3, goodDelta: 0 },
    ]);
  });
});

describe('counter deltas', () => {
  it('sums events per bucket at every level and drops buckets that net to nothing', () => {
    const deltas: CounterDeltas = new Map();
    const levels = [60_000, HOUR];
    addToDeltas(deltas, levels, T0 + 1_000, 1, 1);
    addToDeltas(deltas, levels, T0 + 2_000, 0, 1);
    addToDeltas(deltas, levels, T0 + 61_000, 1, 1);
    addToDeltas(deltas, levels, T0 + 61_500, -1, -1);
    expect(deltaRows(deltas)).toEqual([
      { level: 60_000, bucketStart: T0, good: 1, total: 2 },
      { level: HOUR, bucketStart: T0, good: 1, total: 2 },
    ]);
  });
});
