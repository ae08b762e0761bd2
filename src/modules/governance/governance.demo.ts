import type { OrgContext } from '../context.js';
import { hasDemoRows, idsByColumn, staffByEmail } from '../demo/demo.repository.js';
import { createRight, grantRight } from './rights.service.js';
import { addRoleMember, createCapability, createRole } from './structure.service.js';

/** Demo content for step 5–6 (M5): roles, capabilities and rights delegated by the council. Money in minor units. */
interface DemoGovernance {
  /** `per: 'week'`: a capacity a week, set against the demand of the promises needing it. */
  capabilities: { team: string; name: string; value: number | null; unit: string; per?: 'week'; evidence: string }[];
  roles: { team: string; name: string; purpose: string; accountabilities: string[]; people: string[] }[];
  rights: {
    name: string;
    description: string;
    grants: { team: string; cap: number | null; scope: string | null; sub?: { role: string; cap: number | null } }[];
  }[];
}

const DEMO: Record<string, DemoGovernance> = {
  stroydom: {
    capabilities: [
      { team: 'Гарантийный сервис', name: 'Выездные инженеры', value: 2, unit: 'инженера', evidence: 'график дежурств' },
      { team: 'Бригада Кузнецова', name: 'Монтаж коробки и кровли', value: 1, unit: 'дом в месяц', evidence: 'сданные дома 2025–2026' },
      { team: 'Бригада Соколова', name: 'Инженерные сети и отделка', value: 2, unit: 'дома в месяц', evidence: 'акты сдачи' },
      { team: 'Проектирование', name: 'Проект под участок', value: 6, unit: 'проектов в месяц', evidence: 'загрузка отдела' },
      { team: 'Продажи', name: 'Консультации на участке', value: 40, unit: 'часов в неделю', evidence: 'журнал встреч' },
    ],
    roles: [
      {
        team: 'Гарантийный сервис',
        name: 'Дежурный инженер',
        purpose: 'Клиент не ждёт ответа дольше суток',
        accountabilities: ['принимает обращения владельцев', 'назначает выезд'],
        people: ['dmitry.orlov@stroydom.example'],
      },
      {
        team: 'Бригада Кузнецова',
        name: 'Бригадир',
        purpose: 'Работы идут по графику и без переделок',
        accountabilities: ['ведёт график', 'фотоотчёт клиенту'],
        people: ['igor.kuznetsov@stroydom.example'],
      },
    ],
    rights: [
      {
        name: 'Решать гарантийные случаи',
        description: 'признать случай гарантийным, выбрать ремонт или компенсацию',
        grants: [
          { team: 'Гарантийный сервис', cap: 150_000_00, scope: 'дома на гарантии', sub: { role: 'Дежурный инженер', cap: 30_000_00 } },
        ],
      },
      {
        name: 'Менять график работ',
        description: 'переносить этапы стройки внутри срока сдачи',
        grants: [
          { team: 'Бригада Кузнецова', cap: null, scope: 'не сдвигая срок сдачи дома', sub: { role: 'Бригадир', cap: null } },
          { team: 'Бригада Соколова', cap: null, scope: 'не сдвигая срок сдачи дома' },
        ],
      },
    ],
  },
  mfc: {
    capabilities: [
      { team: 'Фронт-офис: окна 1–6', name: 'Приём заявителей', value: 6, unit: 'окон', evidence: 'электронная очередь' },
      // Seven a week against about 8.4 asked for (promises.demo.data.ts): the demo's capacity warning.
      { team: 'Выездное обслуживание', name: 'Выезд на дом', value: 7, unit: 'выездов', per: 'week', evidence: 'журнал выездов' },
      { team: 'Бэк-офис: обработка документов', name: 'Подготовка справок', value: 120, unit: 'справок в день', evidence: 'журнал выдачи' },
    ],
    roles: [],
    rights: [
      {
        name: 'Продлевать приём сверх графика',
        description: 'открыть дополнительное окно или продлить приём при очереди',
        grants: [{ team: 'Фронт-офис: окна 1–6', cap: null, scope: 'до 2 часов в день' }],
      },
      {
        name: 'Подписывать справки',
        description: 'проверить документы и подписать справку без визита к руководителю',
        grants: [{ team: 'Бэк-офис: обработка документов', cap: null, scope: 'справки по утверждённым формам' }],
      },
      {
        name: 'Назначать время выезда',
        description: 'договориться с заявителем о дне и часе выезда на дом',
        grants: [{ team: 'Выездное обслуживание', cap: null, scope: 'в пределах района' }],
      },
    ],
  },
  'neighbourhood-care': {
    capabilities: [
      { team: 'Nurses North', name: 'Home nursing', value: 120, unit: 'hours a week', evidence: 'rota' },
      { team: 'Nurses South', name: 'Home nursing', value: 110, unit: 'hours a week', evidence: 'rota' },
      { team: 'Nurses Riverside', name: 'Home nursing', value: 90, unit: 'hours a week', evidence: 'rota' },
    ],
    roles: [],
    rights: [
      {
        name: 'Plan care visits',
        description: 'agree visit times and care plans with the client',
        grants: [
          { team: 'Nurses North', cap: null, scope: 'within the agreed care hours' },
          { team: 'Nurses South', cap: null, scope: 'within the agreed care hours' },
          { team: 'Nurses Riverside', cap: null, scope: 'within the agreed care hours' },
        ],
      },
      {
        name: 'Buy care supplies',
        description: 'order supplies for a client',
        grants: [{ team: 'Nurses Riverside', cap: 500_00, scope: null }],
      },
    ],
  },
};

/** Seeds roles, capabilities and delegated rights for a demo organization that has no rights yet. */
export async function seedDemoGovernance(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  const demo = DEMO[first.org.slug];
  if (!demo) return false;
  if (await hasDemoRows(first.db, first.org.id, 'decision_rights')) return false;
  const teams = await idsByColumn(first.db, first.org.id, 'teams');
  const users = new Map([...(await staffByEmail(first.db, first.org.id))].map(([email, person]) => [email, person.id]));
  // The council grants: the demo acts as the council.
  const council = (): OrgContext => ({ ...ctx(), role: 'council' });
  for (const c of demo.capabilities) {
    const teamId = teams.get(c.team);
    if (teamId)
      await createCapability(council(), teamId, {
        name: c.name,
        description: '',
        capacity: { value: c.value, unit: c.unit, per: c.per ?? null },
        evidence: c.evidence,
      });
  }
  const roles = new Map<string, string>();
  for (const r of demo.roles) {
    const teamId = teams.get(r.team);
    if (!teamId) continue;
    const role = await createRole(council(), teamId, { name: r.name, purpose: r.purpose, accountabilities: r.accountabilities });
    roles.set(r.name, role.id);
    for (const email of r.people) {
      const userId = users.get(email);
      if (userId) await addRoleMember(council(), role.id, userId);
    }
  }
  for (const right of demo.rights) {
    const created = await createRight(council(), { name: right.name, description: right.description });
    for (const g of right.grants) {
      const teamId = teams.get(g.team);
      if (!teamId) continue;
      const grant = await grantRight(council(), {
        rightId: created.id,
        holderType: 'team',
        holderId: teamId,
        parentGrantId: null,
        limits: { spendingCap: g.cap, scope: g.scope },
        reason: 'demo',
      });
      const roleId = g.sub ? roles.get(g.sub.role) : undefined;
      if (g.sub && roleId) {
        await grantRight(council(), {
          rightId: created.id,
          holderType: 'role',
          holderId: roleId,
          parentGrantId: grant.id,
          limits: { spendingCap: g.sub.cap, scope: g.scope },
          reason: 'demo',
        });
      }
    }
  }
  return true;
}
