import { describe, expect, it } from 'vitest';
import { ROLES } from '../core/access/permissions.js';
import { expandScopes, PERMISSIONS, ROLE_PERMISSIONS, roleCan, scopesAllow } from './permissions.js';

describe('roleCan', () => {
  // The policy in words, checked cell by cell against the table: admins do everything; viewers read
  // everything; the council and members also write in every module, except the organization's
  // settings and its people; only admins manage tokens and webhooks; granting decision rights (governance) is
  // the council's and the admins' — members read the delegation and take part in governance
  // (their team's roles, capabilities, agreements and decisions; the services check the team). The
  // books (ledger, hours, salaries, closing a month) are the admins'; trades, split rules and peer
  // points are every team's own (economics:participate; the services check the team). Client voice:
  // staff triage and answer (voice:write, feedback:write); its settings, surveys, polls, reserve rounds
  // and moderation are the council's and the admins' (voice:manage).
  const expected = (role: (typeof ROLES)[number], permission: string): boolean => {
    if (role === 'admin') return true;
    if (permission.endsWith(':read')) return true;
    if (role === 'viewer') return false;
    if (permission === 'governance:write') return role === 'council';
    if (permission === 'governance:participate' || permission === 'economics:participate') return true;
    if (permission === 'economics:write') return false;
    if (permission === 'voice:manage') return role === 'council';
    return permission.endsWith(':write') && permission !== 'org:write' && permission !== 'members:write';
  };
  const cells = ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission, expected(role, permission)] as const));

  it.each(cells)('%s may %s: %s', (role, permission, allowed) => {
    expect(roleCan(role, permission)).toBe(allowed);
  });

  it('only admins manage tokens, webhooks and people, and viewers write nothing', () => {
    expect(ROLES.filter((r) => roleCan(r, 'tokens:manage'))).toEqual(['admin']);
    expect(ROLES.filter((r) => roleCan(r, 'webhooks:manage'))).toEqual(['admin']);
    expect(ROLES.filter((r) => roleCan(r, 'members:write'))).toEqual(['admin']);
    expect(ROLES.filter((r) => roleCan(r, 'economics:write'))).toEqual(['admin']);
    expect(ROLE_PERMISSIONS.viewer.filter((p) => !p.endsWith(':read'))).toEqual([]);
  });
});

describe('token scopes', () => {
  it.each([
    ['all expands to every permission', ['all'], [...PERMISSIONS]],
    ['all wins over anything listed with it', ['teams:read', 'all'], [...PERMISSIONS]],
    ['duplicates are removed, table order kept', ['teams:write', 'org:read', 'teams:write'], ['org:read', 'teams:write']],
    ['nothing stays nothing', [], []],
  ] as const)('%s', (_label, scopes, permissions) => {
    expect(expandScopes(scopes)).toEqual(permissions);
  });

  it.each([
    [['all'], 'tokens:manage', true],
    [['teams:read'], 'teams:read', true],
    [['teams:read'], 'teams:write', false],
    [['teams:write'], 'teams:read', false],
    [[], 'org:read', false],
  ] as const)('scopes %j allow %s: %s', (scopes, permission, allowed) => {
    expect(scopesAllow(scopes, permission)).toBe(allowed);
  });
});
