import { periodOf, periodRange, shiftPeriod } from '../../core/economics/period.js';
import type { OrgContext } from '../context.js';
import { DEMO_EMAIL } from '../demo/demo.data.js';
import { idsByColumn, staffByEmail } from '../demo/demo.repository.js';
import { hasTeamBudgets } from './budget.repository.js';
import { putTeamBudget } from './budget.service.js';
import { closePeriod } from './economics.service.js';
import { addLedgerLine, putMember, putSettings } from './inputs.service.js';

const toMinor = (major: number) => Math.round(major * 100);

/**
 * The МФЦ (a government body, no revenue) in the budgeted-bonus mode: last month each team had an
 * expense budget and a bonus fund; two kept within budget and earned their fund × fulfillment index,
 * the outreach team overspent on fuel and earned nothing. Money in roubles; hours per month.
 */
const GOVERNMENT_MONTH: Record<
  string,
  {
    team: string;
    budget: number;
    bonusFund: number;
    lines: { kind: 'labour' | 'expense'; amount: number; note: string }[];
    members: { email: string; hours: number; salary: number }[];
  }[]
> = {
  mfc: [
    {
      team: 'Фронт-офис: окна 1–6',
      budget: 2_400_000,
      bonusFund: 120_000,
      lines: [
        { kind: 'labour', amount: 1_652_400, note: 'Оплата труда операторов с взносами' },
        { kind: 'expense', amount: 518_300, note: 'Электронная очередь, связь, расходные материалы' },
      ],
      members: [
        { email: 'a.grigoriev@mfc.example', hours: 168, salary: 78_000 },
        { email: 't.kiseleva@mfc.example', hours: 160, salary: 72_000 },
      ],
    },
    {
      team: 'Выездное обслуживание',
      budget: 900_000,
      bonusFund: 45_000,
      lines: [
        { kind: 'labour', amount: 611_000, note: 'Оплата труда выездных специалистов с взносами' },
        { kind: 'expense', amount: 331_800, note: 'Топливо и обслуживание автомобиля' },
      ],
      members: [{ email: 'v.makarov@mfc.example', hours: 176, salary: 70_000 }],
    },
    {
      team: 'Бэк-офис: обработка документов',
      budget: 1_300_000,
      bonusFund: 60_000,
      lines: [
        { kind: 'labour', amount: 978_500, note: 'Оплата труда специалистов с взносами' },
        { kind: 'expense', amount: 207_900, note: 'Курьерская доставка в ведомства, СМЭВ' },
      ],
      members: [{ email: 'e.nikitina@mfc.example', hours: 164, salary: 82_000 }],
    },
  ],
};

/**
 * Seeds one closed month of the budgeted-bonus mode for a government demo organization that has no
 * budgets yet: the settings, each team's budget and bonus fund, labour and expenses, hours and
 * salaries, the month closed on the third of the next; and the same budgets for the open month.
 */
export async function seedDemoBudgetedBonus(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  const teams = GOVERNMENT_MONTH[first.org.slug];
  if (!teams || first.org.kind !== 'government') return false;
  const { db, org, now } = first;
  if (await hasTeamBudgets(db, org.id)) return false;
  const teamIds = await idsByColumn(db, org.id, 'teams');
  const people = await staffByEmail(db, org.id);
  const idOf = (map: Map<string, { id: string } | string>, key: string) => {
    const found = map.get(key);
    if (!found) throw new Error(`demo budgeted bonus: no "${key}" in the organization`);
    return typeof found === 'string' ? found : found.id;
  };
  const current = periodOf(now, org.time_zone);
  const month = shiftPeriod(current, -1);
  const { from, to } = periodRange(month, org.time_zone);
  const as = (at: number): OrgContext => ({
    db,
    org,
    actor: { type: 'user', id: idOf(people, DEMO_EMAIL), label: DEMO_EMAIL },
    role: people.get(DEMO_EMAIL)?.role,
    now: at,
  });
  const at = (fraction: number) => from + Math.floor(fraction * (to - from));

  await putSettings(as(at(0.01)), { poolRate: 0.2, reserveRate: 0.1, fulfillment: 'proportional', poolMode: 'budgeted_bonus' });
  for (const [i, t] of teams.entries()) {
    const teamId = idOf(teamIds, t.team);
    const budget = { budgetMinor: toMinor(t.budget), bonusFundMinor: toMinor(t.bonusFund) };
    await putTeamBudget(as(at(0.02 + i * 0.01)), month, teamId, budget);
    for (const line of t.lines)
      await addLedgerLine(as(at(0.9)), month, { teamId, kind: line.kind, amountMinor: toMinor(line.amount), note: line.note });
    for (const m of t.members)
      await putMember(as(at(0.95)), month, teamId, idOf(people, m.email), { hours: m.hours, salaryMinor: toMinor(m.salary) });
    // The open month has its budget from its first day.
    await putTeamBudget(as(Math.max(to, now - 1000)), current, teamId, budget);
  }
  await closePeriod(as(Math.max(to, Math.min(to + 2 * 24 * 3600 * 1000, now))), month);
  return true;
}
