import { describe, expect, it } from 'vitest';
import { type AlertRow, evaluationChanges, firingRows } from './changes.js';

const page: AlertRow = { severity: 'page', longWindow: 'PT1H', shortWindow: 'PT5M', threshold: 14.4 };
const ticket: AlertRow = { severity: 'ticket', longWindow: 'P1D', shortWindow: 'PT2H', threshold: 3 };

describe('evaluationChanges', () => {
  it.each([
    ['first evaluation: a baseline, rows already firing count as fired', null, { status: 'broken', firing: [page] }, null, [page], []],
    ['nothing changed', { status: 'kept', firing: [] }, { status: 'kept', firing: [] }, null, [], []],
    [
      'kept → broken with an alert firing',
      { status: 'kept', firing: [] },
      { status: 'broken', firing: [page] },
      { from: 'kept', to: 'broken' },
      [page],
      [],
    ],
    [
      'one row resolves, another fires, status the same',
      { status: 'at_risk', firing: [page] },
      { status: 'at_risk', firing: [ticket] },
      null,
      [ticket],
      [page],
    ],
    [
      'still firing is not fired again',
      { status: 'at_risk', firing: [page, ticket] },
      { status: 'at_risk', firing: [page] },
      null,
      [],
      [ticket],
    ],
  ] as const)('%s', (_label, previous, current, status, fired, resolved) => {
    const changes = evaluationChanges(previous && { status: previous.status, firing: [...previous.firing] }, {
      status: current.status,
      firing: [...current.firing],
    });
    expect(changes).toEqual({ status, fired, resolved });
  });

  it('a row with other windows (a new version) is another alert', () => {
    const longer = { ...page, longWindow: 'PT2H', shortWindow: 'PT10M' };
    expect(evaluationChanges({ status: 'at_risk', firing: [page] }, { status: 'at_risk', firing: [longer] })).toEqual({
      status: null,
      fired: [longer],
      resolved: [page],
    });
  });

  it('firingRows keeps the firing rows without the flag', () => {
    expect(
      firingRows([
        { ...page, firing: true },
        { ...ticket, firing: false },
      ]),
    ).toEqual([page]);
  });
});
