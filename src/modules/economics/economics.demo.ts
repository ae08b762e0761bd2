import { periodOf, periodRange, shiftPeriod } from '../../core/economics/period.js';
import type { OrgContext } from '../context.js';
import { DEMO_EMAIL } from '../demo/demo.data.js';
import { hasDemoRows, idsByColumn, staffByEmail, unreadNotificationIds } from '../demo/demo.repository.js';
import { createDecision } from '../governance/decision.service.js';
import { takeDecision } from '../governance/decision-process.service.js';
import { createRight, grantRight } from '../governance/rights.service.js';
import { markRead } from '../notifications/notification.service.js';
import { ingestEvents } from '../promises/ingest.service.js';
import type { TEventInput } from '../promises/promise.schema.js';
import { DEMO_PROMISES } from '../promises/promises.demo.data.js';
import { putTimeReserve } from './books.service.js';
import { DEMO_ECONOMICS, type DemoEconomics, type DemoTrade } from './economics.demo.data.js';
import { closePeriod } from './economics.service.js';
import { addLedgerLine, importLedgerCsv, putMember, putOverheadRule, putSettings } from './inputs.service.js';
import { putReserveRequest } from './reserve-request.service.js';
import { putPeerPoints, putSplitRule } from './split.service.js';
import { answerTrade, createTrade } from './trade.service.js';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OPEN = 6;

const toMinor = (major: number) => Math.round(major * 100);
const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * Seeds six closed months and the open one of team economics for a demo organization that has
 * none (demo.economics.data.ts): settings and split rules, each month's ledger imported as CSV,
 * hours and salaries, trades entered by one side and answered by the other, peer points, the month
 * closed on the third of the next; then part of the reserve allocated. Everything is dated inside
 * its month, relative to `now`, so the months always end where the promises' events do.
 */
export async function seedDemoEconomics(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  const demo = DEMO_ECONOMICS[first.org.slug];
  if (!demo) return false;
  const { db, org, now } = first;
  if (await hasDemoRows(db, org.id, 'economic_periods')) return false;

  const teamIds = await idsByColumn(db, org.id, 'teams');
  const teamId = (name: string) => teamIds.get(name) ?? missing('team', name);
  const people = await staffByEmail(db, org.id);
  const userId = (email: string) => people.get(email)?.id ?? missing('person', email);
  /** A context acting as the person at `at`: entries are theirs in the audit log. */
  const as = (email: string, at: number): OrgContext => ({
    db,
    org,
    actor: { type: 'user', id: userId(email), label: email },
    role: people.get(email)?.role,
    now: at,
  });

  const current = periodOf(now, org.time_zone);
  const months = Array.from({ length: OPEN + 1 }, (_, i) => {
    const period = shiftPeriod(current, i - OPEN);
    const { from, to } = periodRange(period, org.time_zone);
    return { period, from, to, end: Math.min(to, now) };
  });
  const at = (m: number, fraction: number) => {
    const { from, end } = months[m]!;
    return from + Math.floor(fraction * (end - from));
  };
  // The open month holds what has passed of it (a fifth at least, so that its first day shows something).
  const open = months[OPEN]!;
  const past = Math.max(0.2, (open.end - open.from) / (open.to - open.from));
  const amountOf = (m: number, major: number) => (m === OPEN ? Math.max(1, Math.round(toMinor(major) * past)) : toMinor(major));
  // Books close on the third of the next month (or now, if that is still ahead).
  const closedAt = (m: number) => Math.max(months[m]!.to, Math.min(months[m]!.to + 2 * DAY + 10 * HOUR, now));

  await putSettings(as(DEMO_EMAIL, at(0, 0.01)), demo.settings);
  for (const team of demo.teams) await putSplitRule(as(team.members[0]!.email, at(0, 0.02)), teamId(team.team), team.split);

  for (let m = 0; m <= OPEN; m++) {
    const { period } = months[m]!;
    const rule = demo.overheadRules[m]!;
    if (rule.rule !== 'per_capita')
      await putOverheadRule(
        as(DEMO_EMAIL, at(m, 0.02)),
        period,
        rule.rule === 'fixed'
          ? { rule: 'fixed', percentages: Object.fromEntries(Object.entries(rule.percentages).map(([name, pct]) => [teamId(name), pct])) }
          : { rule: rule.rule },
      );
    for (const team of demo.teams)
      if (team.splitLater?.from === m) await putSplitRule(as(team.members[0]!.email, at(m, 0.03)), teamId(team.team), team.splitLater.rule);
    if (demo.settingsLater?.from === m) await putSettings(as(DEMO_EMAIL, at(m, 0.01)), demo.settingsLater.settings);
    if (demo.spell?.month === m) await breakPromise(ctx, demo.spell, months[m]!.from);

    if (m < OPEN) await importLedgerCsv(as(DEMO_EMAIL, at(m, 0.93)), period, ledgerCsv(demo, m));
    else {
      const lines = [
        ...demo.teams.flatMap((t) => t.lines.map((l) => ({ teamId: teamId(t.team), kind: l.kind, note: l.note, amount: l.amounts[m] }))),
        ...demo.overhead.map((l) => ({ teamId: undefined, kind: 'overhead' as const, note: l.note, amount: l.amounts[m] })),
      ];
      for (const [i, line] of lines.entries())
        await addLedgerLine(as(DEMO_EMAIL, at(m, (i + 1) / (lines.length + 2))), period, {
          teamId: line.teamId,
          kind: line.kind,
          amountMinor: amountOf(m, line.amount as number),
          note: line.note,
        });
    }

    for (const team of demo.teams)
      for (const member of team.members) {
        const hours = m === OPEN ? Math.round((member.hours[m] as number) * past) : (member.hours[m] as number);
        await putMember(as(DEMO_EMAIL, at(m, 0.95)), period, teamId(team.team), userId(member.email), {
          hours,
          salaryMinor: toMinor(member.salary[m] as number),
        });
        // In the open month the members keep their own hours (an admin keeps the salaries): recorded by them.
        if (m === OPEN) await putMember(as(member.email, at(m, 0.96)), period, teamId(team.team), userId(member.email), { hours });
      }
    // The first team keeps a tenth of its hours for new projects (a time reserve), set by one of its members.
    const [reserving] = demo.teams;
    const keeper = reserving?.members[0];
    if (m === OPEN && reserving && keeper) await putTimeReserve(as(keeper.email, at(m, 0.96)), teamId(reserving.team), 10);

    const trade = async (
      t: Pick<DemoTrade, 'seller' | 'buyer' | 'enteredBy' | 'promise'>,
      amountMinor: number,
      when: number,
      note: string,
    ) =>
      createTrade(as(t.enteredBy, when), period, {
        sellerTeamId: teamId(t.seller),
        buyerTeamId: teamId(t.buyer),
        amountMinor,
        note,
        promiseId: t.promise ? await internalPromiseId(first, t.promise) : undefined,
      });
    for (const t of demo.trades) {
      const amount = t.amounts[m];
      if (amount === null || amount === undefined) continue;
      const note = t.note.replace('{house}', demo.houses?.[(m + (t.houseOffset ?? 0)) % demo.houses.length] ?? '');
      const entered = await trade(t, amountOf(m, amount), at(m, 0.88), note);
      await answerTrade(as(t.answeredBy, at(m, 0.9)), period, entered.id, { confirm: true });
    }
    if (demo.declined.month === m) {
      const entered = await trade(demo.declined, toMinor(demo.declined.amount), at(m, 0.6), demo.declined.note);
      await answerTrade(as(demo.declined.answeredBy, at(m, 0.62)), period, entered.id, { confirm: false, reason: demo.declined.reason });
    }
    if (m === OPEN) await trade(demo.proposed, toMinor(demo.proposed.amount), at(m, 0.97), demo.proposed.note);
    await readTradeNews(as(DEMO_EMAIL, at(m, 0.92)));

    for (const team of demo.teams) {
      if (!team.peer || m < team.peer.from) continue;
      for (const [giver, points] of Object.entries(team.peer.points)) {
        if (m === OPEN && team.peer.notYetInOpenMonth?.includes(giver)) continue;
        const byId = Object.fromEntries(Object.entries(points).map(([email, n]) => [userId(email), n]));
        await putPeerPoints(as(giver, at(m, 0.97)), period, teamId(team.team), byId);
      }
    }
    if (m < OPEN) await closePeriod(as(DEMO_EMAIL, closedAt(m)), period);
  }
  await spendReserve(demo, as, teamId, Math.min(closedAt(OPEN - 1) + HOUR, now));
  return true;
}

/**
 * The reserve is spent through a decision: the admin names the right to spend it and grants it to
 * the team, whose first member opens a decision with the amount, requests the money and takes it.
 */
async function spendReserve(
  demo: DemoEconomics,
  as: (email: string, at: number) => OrgContext,
  teamId: (name: string) => string,
  at: number,
) {
  const { allocation } = demo;
  const team = demo.teams.find((t) => t.team === allocation.team) ?? missing('team', allocation.team);
  const member = team.members[0]!.email;
  const admin = as(DEMO_EMAIL, at - 3 * MINUTE);
  const right = await createRight(admin, allocation.right);
  await grantRight(admin, {
    rightId: right.id,
    holderType: 'team',
    holderId: teamId(team.team),
    parentGrantId: null,
    limits: { spendingCap: null, scope: null },
    reason: '',
  });
  await putSettings(admin, { ...(demo.settingsLater?.settings ?? demo.settings), reserveRightId: right.id });
  const decision = await createDecision(as(member, at - 2 * MINUTE), {
    title: allocation.title,
    context: allocation.purpose,
    teamId: teamId(team.team),
    rightId: right.id,
    options: allocation.options.map((title) => ({ title, description: '' })),
    amount: toMinor(allocation.amount),
    advisers: [],
    adviceDeadline: null,
    reviewDate: null,
  });
  await putReserveRequest(as(member, at - MINUTE), decision.id, { fundingOption: 0, purpose: allocation.purpose });
  await takeDecision(as(member, at), decision.id, { chosenOption: 0, rationale: allocation.rationale });
}

function missing(what: string, name: string): never {
  throw new Error(`demo economics: no ${what} "${name}" in the organization`);
}

/** The month's ledger as the accountant's CSV: each team's lines, then the organization's overhead. */
function ledgerCsv(demo: DemoEconomics, m: number): string {
  const rows = [
    ...demo.teams.flatMap((t) => t.lines.map((l) => [t.team, l.kind, l.amounts[m]!, l.note] as const)),
    ...demo.overhead.map((l) => ['', 'overhead', l.amounts[m]!, l.note] as const),
  ];
  return [
    'team,kind,amountMinor,note',
    ...rows.map(([team, kind, amount, note]) => [csvCell(team), kind, toMinor(amount), csvCell(note)].join(',')),
  ].join('\n');
}

async function internalPromiseId(ctx: OrgContext, key: string): Promise<string | undefined> {
  const title = DEMO_PROMISES[ctx.org.slug]?.find((p) => p.key === key)?.title;
  if (!title) return undefined;
  return (await idsByColumn(ctx.db, ctx.org.id, 'promises', 'title')).get(title);
}

/**
 * The demo admin sells for the sales team, so every trade tells them; they read the news as it
 * came (the inbox then shows only what the rest of the demo leaves for them).
 */
async function readTradeNews(ctx: OrgContext): Promise<void> {
  const unread = await unreadNotificationIds(ctx.db, ctx.org.id, ctx.actor.id as string, ['trade_to_confirm', 'trade_answered']);
  if (unread.length) await markRead(ctx, { ids: unread });
}

/**
 * A spell of answers sent through ingest, spread over the spell's days in working hours: `late`
 * of them from 26 to 72 hours (over the 24-hour threshold), `onTime` within it. Deterministic, and
 * idempotent by their external ids.
 */
async function breakPromise(ctx: () => OrgContext, spell: NonNullable<DemoEconomics['spell']>, monthStart: number): Promise<void> {
  const first = ctx();
  const title = DEMO_PROMISES[first.org.slug]?.find((p) => p.key === spell.promise)?.title;
  const promiseId = title ? (await idsByColumn(first.db, first.org.id, 'promises', 'title')).get(title) : undefined;
  if (!promiseId) return;
  const spellStart = monthStart + (spell.fromDay - 1) * DAY;
  const events: TEventInput[] = [];
  for (let i = 0; i < spell.late + spell.onTime; i++) {
    const isLate = i < spell.late;
    const day = i % spell.days;
    const minute = 8 * 60 + ((i * 137) % (11 * 60));
    events.push({
      externalId: `demo-${spell.promise}-spell-${i + 1}`,
      occurredAt: new Date(spellStart + day * DAY + minute * 60_000).toISOString(),
      value: isLate ? 26 + ((i * 29) % 47) : 2 + ((i * 7) % 19),
    });
  }
  await ingestEvents({ ...first, now: spellStart + spell.days * DAY }, promiseId, events);
}
