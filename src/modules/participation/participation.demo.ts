import type { OrgContext } from '../context.js';
import { demoClients, hasDemoRows, idsByColumn } from '../demo/demo.repository.js';
import { castBudgetBallot } from './participation.ballot.js';
import { addProject, createRound, openRound } from './participation.service.js';

const DAY = 86_400_000;

/**
 * «СтройДом» puts 600 000 ₽ of its reserve (742 026,44 ₽ after the demo's months) up to its clients:
 * five candidates, voting open now, six of the seven clients have voted. The owners of finished
 * houses (four) back the warranty cabinet and the weekend crew; the families still building (two)
 * back the school, the weekly photo reports and the thermal survey. Greedy by votes gives the
 * majority both of theirs (300 000 + 250 000); Equal Shares — the round's method — gives each group
 * a fair part: photo reports, the school and the cabinet (80 000 + 120 000 + 300 000).
 */
const PROJECTS: { key: string; title: string; description: string; cost: number; kind: 'project' | 'experiment'; team?: string }[] = [
  {
    key: 'cabinet',
    title: 'Онлайн-кабинет гарантийного обслуживания',
    description: 'Заявка по гарантии в два касания, статус и фото работ в кабинете, без звонков в офис.',
    cost: 300_000,
    kind: 'project',
    team: 'Гарантийный сервис',
  },
  {
    key: 'weekend',
    title: 'Выездная бригада по выходным',
    description: 'Гарантийные выезды в субботу и воскресенье для тех, кто работает в будни.',
    cost: 250_000,
    kind: 'project',
    team: 'Гарантийный сервис',
  },
  {
    key: 'thermal',
    title: 'Тепловизионный осмотр после первой зимы',
    description: 'Проверяем на пилотных домах, находит ли тепловизор мостики холода раньше, чем их заметит семья.',
    cost: 150_000,
    kind: 'experiment',
    team: 'Бригада Кузнецова',
  },
  {
    key: 'school',
    title: 'Школа будущего домовладельца',
    description: 'Четыре вечерних занятия: фундамент, кровля, инженерные сети, уход за домом.',
    cost: 120_000,
    kind: 'project',
    team: 'Проектирование',
  },
  {
    key: 'photos',
    title: 'Еженедельные фотоотчёты со стройки',
    description: 'Каждую пятницу семья получает фото и короткий отчёт прораба о том, что сделано за неделю.',
    cost: 80_000,
    kind: 'experiment',
    team: 'Бригада Соколова',
  },
];

/** Each voter's approved projects, by client e-mail; the Егоровы have not voted yet. */
const BALLOTS: Record<string, string[]> = {
  'lebedevy@mail.example': ['cabinet', 'weekend'],
  'a.morozov@mail.example': ['cabinet', 'weekend'],
  'e.volkova@mail.example': ['cabinet', 'thermal'],
  'novikovy@mail.example': ['cabinet', 'weekend'],
  'r.zaitsev@mail.example': ['school', 'photos'],
  'i.pavlova@mail.example': ['school', 'photos', 'thermal'],
};

/** The participatory allocation of the reserve (stroydom only); false when the organization already has a round. */
export async function seedDemoReserve(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  if (first.org.slug !== 'stroydom') return false;
  if (await hasDemoRows(first.db, first.org.id, 'pb_rounds')) return false;
  const teams = await idsByColumn(first.db, first.org.id, 'teams');
  const round = await createRound(ctx(), {
    title: 'Резерв 2026: на что направить 600 000 ₽',
    description:
      'Часть резервного фонда решают клиенты. Отметьте проекты, которые стоит сделать, — вместе не дороже 600 000 ₽. Победителей выбираем методом равных долей: у каждого голосующего равная часть бюджета.',
    budgetMinor: 60_000_000,
    method: 'mes',
    segmentIds: [],
    opensAt: first.now - 5 * DAY,
    closesAt: first.now + 9 * DAY,
  });
  const ids = new Map<string, string>();
  for (const p of PROJECTS) {
    const project = await addProject(ctx(), round.id, {
      title: p.title,
      description: p.description,
      costMinor: p.cost * 100,
      kind: p.kind,
      teamId: (p.team && teams.get(p.team)) || null,
    });
    ids.set(p.key, project.id);
  }
  await openRound(ctx(), round.id);
  const clients = await demoClients(first.db, first.org.id);
  for (const [email, keys] of Object.entries(BALLOTS)) {
    const client = clients.find((c) => c.email === email);
    if (!client) continue;
    const asClient = { ...ctx(), actor: { type: 'client' as const, id: client.id, label: client.name } };
    await castBudgetBallot(
      asClient,
      round.id,
      client.id,
      keys.map((k) => ids.get(k) as string),
    );
  }
  return true;
}
