import { describe, expect, it } from 'vitest';
import { type AppNotification, linkOf } from './notifications.api';

const notice = (subjectType: string, subjectId: string, params: Record<string, unknown> = {}) =>
  ({ subjectType, subjectId, params }) as unknown as AppNotification;

describe('where a notification leads', () => {
  it('to the promise, the requests tab, the decision, the agreement on its team, the rights', () => {
    expect(linkOf('stroydom', notice('promise', 'p1'))).toBe('/o/stroydom/promises/p1');
    expect(linkOf('stroydom', notice('promise_request', 'r1'))).toBe('/o/stroydom/promises?tab=requests');
    expect(linkOf('stroydom', notice('decision', 'd1'))).toBe('/o/stroydom/decisions/d1');
    expect(linkOf('stroydom', notice('agreement', 'a1', { teamId: 't1' }))).toBe('/o/stroydom/teams/t1?tab=agreements&agreement=a1');
    expect(linkOf('stroydom', notice('grant', 'g1'))).toBe('/o/stroydom/rights');
    expect(linkOf('stroydom', notice('something_else', 'x'))).toBeNull();
  });
});
