import { describe, expect, it } from 'vitest';
import { type AskedPoll, clientsAskedBlock, pollAskedClients, segmentsNotAsked } from './clients-asked.js';

const poll = (over: Partial<AskedPoll>): AskedPoll => ({ segmentIds: ['s1'], isClosed: true, quorum: 3, ballots: 3, ...over });

describe('pollAskedClients', () => {
  it.each([
    ['closed with the quorum met', poll({}), true],
    ['closed above the quorum', poll({ ballots: 10 }), true],
    ['closed one ballot short of the quorum', poll({ ballots: 2 }), false],
    ['still open with the quorum met', poll({ isClosed: false }), false],
    ['closed with no quorum and one ballot', poll({ quorum: null, ballots: 1 }), true],
    ['closed with no quorum and no ballot: nobody answered', poll({ quorum: null, ballots: 0 }), false],
  ])('%s', (_, p, expected) => {
    expect(pollAskedClients(p)).toBe(expected);
  });
});

describe('segmentsNotAsked', () => {
  it('lists the touched segments neither polled with a quorum nor advised, in order', () => {
    const polls = [poll({ segmentIds: ['s1', 's2'] }), poll({ segmentIds: ['s3'], ballots: 1 })];
    expect(segmentsNotAsked(['s4', 's3', 's1', 's2', 's5'], polls, new Set(['s5']))).toEqual(['s4', 's3']);
  });
  it('a decision touching no segment has none to ask', () => {
    expect(segmentsNotAsked([], [], new Set())).toEqual([]);
  });
  it('one client’s advice asks the segment', () => {
    expect(segmentsNotAsked(['s1', 's1'], [], new Set(['s1']))).toEqual([]);
  });
});

describe('clientsAskedBlock', () => {
  it('refuses with the segments when some were not asked and no reason is given', () => {
    expect(clientsAskedBlock(['s1'], undefined)).toEqual({ block: { code: 'clients_not_asked', segmentIds: ['s1'] }, reasonToStore: null });
    expect(clientsAskedBlock(['s1'], '   ').block?.code).toBe('clients_not_asked');
  });
  it('takes a reason and stores it trimmed', () => {
    expect(clientsAskedBlock(['s1'], ' urgent repair ')).toEqual({ block: null, reasonToStore: 'urgent repair' });
  });
  it('stores no reason when every segment was asked', () => {
    expect(clientsAskedBlock([], 'not needed')).toEqual({ block: null, reasonToStore: null });
  });
});
