import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES } from '../../../../src/modules/promises/request.schema';
import { ApiError } from '../../shared/api/client';
import { i18n } from '../../shared/i18n';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { isAlreadyAnswered, isNotPromiser, localizeRequestError } from './promise-errors';
import { countWaiting, groupRequests, sortRequests } from './promise-requests';
import type { PromiseRequest } from './promises.api';

type Tree = { [key: string]: string | Tree };
const has = (tree: Tree, key: string) => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0;
};

const team = (id: string) => ({ id, name: `Team ${id}` });
/** An instant as the API writes it, from epoch milliseconds. */
const iso = (ms: number) => new Date(ms).toISOString();
function request(id: string, from: string, to: string, partial: Partial<PromiseRequest> = {}): PromiseRequest {
  return {
    id,
    fromTeam: team(from),
    toTeam: team(to),
    title: `Request ${id}`,
    statement: 'Please',
    supportsPromiseId: null,
    status: 'open',
    answer: '',
    promiseId: null,
    createdBy: 'Anna',
    createdAt: iso(1000),
    answeredAt: null,
    ...partial,
  };
}

describe('requests between teams on screen', () => {
  const requests = [
    request('old-open', 'sales', 'service', { createdAt: iso(100) }),
    request('accepted', 'sales', 'service', { createdAt: iso(50), status: 'accepted', answeredAt: iso(300), promiseId: 'p1' }),
    request('new-open', 'sales', 'service', { createdAt: iso(200) }),
    request('declined', 'service', 'stock', { createdAt: iso(60), status: 'declined', answeredAt: iso(400), answer: 'no crew' }),
    request('between-mine', 'service', 'sales', { createdAt: iso(150) }),
    request('elsewhere', 'stock', 'hr', { createdAt: iso(10) }),
  ];

  it('puts what waits for an answer first, newest asked first, then the answered, newest answer first', () => {
    expect(sortRequests(requests).map((r) => r.id)).toEqual(['new-open', 'between-mine', 'old-open', 'elsewhere', 'declined', 'accepted']);
  });

  it('splits them into received by my teams, sent by my teams, and between other teams', () => {
    const groups = groupRequests(requests, new Set(['service', 'sales']));
    expect(groups.received.map((r) => r.id)).toEqual(['new-open', 'between-mine', 'old-open', 'accepted']);
    expect(groups.sent.map((r) => r.id)).toEqual(['new-open', 'between-mine', 'old-open', 'declined', 'accepted']);
    expect(groups.others.map((r) => r.id)).toEqual(['elsewhere']);
    const serviceOnly = groupRequests(requests, new Set(['service']));
    expect(serviceOnly.received.map((r) => r.id)).toEqual(['new-open', 'old-open', 'accepted']);
    expect(serviceOnly.sent.map((r) => r.id)).toEqual(['between-mine', 'declined']);
    expect(serviceOnly.others.map((r) => r.id)).toEqual(['elsewhere']);
  });

  it('counts only open requests asked of my teams on the tab', () => {
    expect(countWaiting(requests, new Set(['service']))).toBe(2);
    expect(countWaiting(requests, new Set(['stock']))).toBe(0);
    expect(countWaiting(requests, new Set())).toBe(0);
  });

  it('has the words for every status of the server in both languages', () => {
    for (const [locale, tree] of Object.entries({ en, ru })) {
      const missing = REQUEST_STATUSES.map((status) => `promises.requests.statuses.${status}`).filter(
        (key) => !has(tree as unknown as Tree, key),
      );
      expect(missing, `missing in ${locale}`).toEqual([]);
    }
  });
});

describe('errors of the requests API', () => {
  it('shows the server’s field messages in the interface language, on their field', async () => {
    await i18n.changeLanguage('ru');
    const error = localizeRequestError(
      new ApiError(422, 'validation_failed', '', [
        { path: 'statement', code: 'required', params: {}, message: 'say what you ask for' },
        { path: 'toTeamId', code: 'self_reference', params: {}, message: 'a team does not ask itself: it promises' },
        {
          path: 'supportsPromiseId',
          code: 'not_found',
          params: { entity: 'promise' },
          message: 'no promise with this id in the organization',
        },
      ]),
    ) as ApiError;
    expect(error.fields).toEqual([
      { path: 'statement', message: 'Скажите, о чём просите' },
      { path: 'toTeamId', message: 'Команда не просит саму себя: она обещает' },
      { path: 'supportsPromiseId', message: 'Такого обещания нет: обновите страницу' },
    ]);
    await i18n.changeLanguage('en');
  });

  it('tells a refusal to someone outside the team and an answer given meanwhile', () => {
    const forbidden = new ApiError(
      403,
      'forbidden',
      'a team promises only its own behaviour: only its members or an admin may ask on its behalf',
      [
        {
          path: 'fromTeamId',
          code: 'not_member',
          params: { of: 'team' },
          message: "only the team's members or an admin may ask on its behalf",
        },
      ],
    );
    expect(isNotPromiser(forbidden)).toBe(true);
    const conflict = new ApiError(409, 'conflict', 'id: the request is already answered', [
      { path: 'id', code: 'wrong_status', params: { status: 'answered' }, message: 'the request is already answered' },
    ]);
    expect(isAlreadyAnswered(conflict)).toBe(true);
    expect(isAlreadyAnswered(forbidden)).toBe(false);
  });
});
