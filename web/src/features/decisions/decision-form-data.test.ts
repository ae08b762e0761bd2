import { describe, expect, it } from 'vitest';
import { byRight, usableRights } from './decision-form-data';
import { type Decision, type Grant, isOpen, isWithdrawn, type Right } from './decisions.api';

const right = (id: string): Right => ({ id, name: `Right ${id}` }) as Right;
const grant = (rightId: string, active = true): Grant => ({ id: `g-${rightId}`, rightId, active }) as Grant;

describe('the rights a new decision may be made under', () => {
  const rights = [right('a'), right('b'), right('c')];

  it('are those the team holds, itself or through a role', () => {
    const team = byRight([grant('b')]);
    const roles = byRight([grant('c'), grant('a', false)]);
    expect(usableRights(rights, team, roles, false).map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('are none when the team holds none', () => {
    expect(usableRights(rights, new Map(), new Map(), false)).toEqual([]);
  });

  it('are every right for a council, the held ones first', () => {
    expect(usableRights(rights, byRight([grant('c')]), new Map(), true).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('a decision', () => {
  const at = (status: Decision['status'], decidedAt: string | null) => ({ status, decidedAt });

  it('is withdrawn when retired without having been taken', () => {
    expect(isWithdrawn(at('retired', null))).toBe(true);
    expect(isWithdrawn(at('retired', '2026-11-01T10:00:00.000Z'))).toBe(false);
    expect(isWithdrawn(at('ready', null))).toBe(false);
  });

  it('is open while seeking advice or ready', () => {
    expect(['seeking_advice', 'ready', 'decided', 'retired'].map((s) => isOpen({ status: s as Decision['status'] }))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
