import { describe, expect, it } from 'vitest';
import { invitationStatus } from './invitations.js';

const NOW = 1_800_000_000_000;
const DAY = 24 * 3600 * 1000;

describe('invitationStatus', () => {
  it.each([
    ['pending until it expires', { used_at: null, revoked_at: null, expires_at: NOW + DAY }, 'pending'],
    ['expired at the exact expiry moment', { used_at: null, revoked_at: null, expires_at: NOW }, 'expired'],
    ['pending one millisecond before expiry', { used_at: null, revoked_at: null, expires_at: NOW + 1 }, 'pending'],
    ['used, even when later expired', { used_at: NOW - DAY, revoked_at: null, expires_at: NOW - 1 }, 'used'],
    ['revoked, even when later expired', { used_at: null, revoked_at: NOW - DAY, expires_at: NOW - 1 }, 'revoked'],
    ['used wins over revoked', { used_at: NOW - 2 * DAY, revoked_at: NOW - DAY, expires_at: NOW + DAY }, 'used'],
  ] as const)('%s', (_label, invitation, status) => {
    expect(invitationStatus(invitation, NOW)).toBe(status);
  });
});
