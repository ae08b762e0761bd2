import type { Role } from '../../core/access/permissions.js';
import type { TCreateOrganization } from '../orgs/org.schema.js';

/** The demo organizations' content. Later modules add their data to the same organizations. */
export interface DemoPerson {
  email: string;
  name: string;
  role: Role;
}
export interface DemoTeam {
  name: string;
  kind: 'autonomous' | 'council';
  purpose: string;
  members: string[];
}
export interface DemoClient {
  name: string;
  email: string;
  externalId: string;
}
export interface DemoOrganization {
  organization: TCreateOrganization;
  people: DemoPerson[];
  teams: DemoTeam[];
  clients: DemoClient[];
}

export const DEMO_EMAIL = 'demo@clientocracy.local';
export const DEMO_PASSWORD = 'demo-demo-demo';

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    organization: { slug: 'stroydom', name: 'СтройДом', kind: 'business', locale: 'ru', currency: 'RUB', timeZone: 'Europe/Moscow' },
    people: [
      { email: 'anna.smirnova@stroydom.example', name: 'Анна Смирнова', role: 'council' },
      { email: 'igor.kuznetsov@stroydom.example', name: 'Игорь Кузнецов', role: 'member' },
      { email: 'olga.vasilyeva@stroydom.example', name: 'Ольга Васильева', role: 'member' },
      { email: 'dmitry.orlov@stroydom.example', name: 'Дмитрий Орлов', role: 'member' },
      { email: 'pavel.sokolov@stroydom.example', name: 'Павел Соколов', role: 'member' },
      { email: 'maria.fedorova@stroydom.example', name: 'Мария Фёдорова', role: 'council' },
      { email: 'sergey.popov@stroydom.example', name: 'Сергей Попов', role: 'viewer' },
    ],
    teams: [
      {
        name: 'Продажи',
        kind: 'autonomous',
        purpose: 'Помогаем семье выбрать дом по силам и по участку и честно называем сроки и цену.',
        members: ['anna.smirnova@stroydom.example', DEMO_EMAIL],
      },
      {
        name: 'Проектирование',
        kind: 'autonomous',
        purpose: 'Готовим проект дома под участок и бюджет клиента и паспорт технических возможностей дома.',
        members: ['olga.vasilyeva@stroydom.example'],
      },
      {
        name: 'Бригада Кузнецова',
        kind: 'autonomous',
        purpose: 'Строим коробку и кровлю в срок, без переделок, с фотоотчётом каждую неделю.',
        members: ['igor.kuznetsov@stroydom.example'],
      },
      {
        name: 'Бригада Соколова',
        kind: 'autonomous',
        purpose: 'Инженерные сети и отделка: дом сдаётся готовым к жизни.',
        members: ['pavel.sokolov@stroydom.example'],
      },
      {
        name: 'Гарантийный сервис',
        kind: 'autonomous',
        purpose: 'Отвечаем на обращение владельца дома за сутки и устраняем гарантийный случай без споров.',
        members: ['dmitry.orlov@stroydom.example'],
      },
      {
        name: 'Совет управляющих',
        kind: 'council',
        purpose: 'Делегирует права командам, решает спорное по совету с командами и клиентами.',
        members: ['anna.smirnova@stroydom.example', 'maria.fedorova@stroydom.example', DEMO_EMAIL],
      },
    ],
    clients: [
      { name: 'Семья Лебедевых', email: 'lebedevy@mail.example', externalId: 'ДГ-2025-017' },
      { name: 'Алексей Морозов', email: 'a.morozov@mail.example', externalId: 'ДГ-2025-023' },
      { name: 'Екатерина Волкова', email: 'e.volkova@mail.example', externalId: 'ДГ-2025-031' },
      { name: 'Семья Новиковых', email: 'novikovy@mail.example', externalId: 'ДГ-2025-044' },
      { name: 'Роман Зайцев', email: 'r.zaitsev@mail.example', externalId: 'ДГ-2026-002' },
      { name: 'Ирина Павлова', email: 'i.pavlova@mail.example', externalId: 'ДГ-2026-009' },
      { name: 'Семья Егоровых', email: 'egorovy@mail.example', externalId: 'ДГ-2026-015' },
    ],
  },
  {
    organization: {
      slug: 'mfc',
      name: 'МФЦ «Мои документы» Северного района',
      kind: 'government',
      locale: 'ru',
      currency: 'RUB',
      timeZone: 'Europe/Moscow',
    },
    people: [
      { email: 'n.belova@mfc.example', name: 'Наталья Белова', role: 'council' },
      { email: 'a.grigoriev@mfc.example', name: 'Андрей Григорьев', role: 'member' },
      { email: 't.kiseleva@mfc.example', name: 'Татьяна Киселёва', role: 'member' },
      { email: 'v.makarov@mfc.example', name: 'Виктор Макаров', role: 'member' },
      { email: 'e.nikitina@mfc.example', name: 'Елена Никитина', role: 'council' },
      { email: 'l.zakharova@mfc.example', name: 'Людмила Захарова', role: 'viewer' },
    ],
    teams: [
      {
        name: 'Фронт-офис: окна 1–6',
        kind: 'autonomous',
        purpose: 'Принимаем заявителя без долгого ожидания и с первого раза правильно.',
        members: ['a.grigoriev@mfc.example', 't.kiseleva@mfc.example'],
      },
      {
        name: 'Выездное обслуживание',
        kind: 'autonomous',
        purpose: 'Приезжаем к маломобильным гражданам в согласованный день.',
        members: ['v.makarov@mfc.example'],
      },
      {
        name: 'Бэк-офис: обработка документов',
        kind: 'autonomous',
        purpose: 'Передаём документы в ведомства в день приёма и отслеживаем ответ.',
        members: ['e.nikitina@mfc.example'],
      },
      {
        name: 'Совет МФЦ',
        kind: 'council',
        purpose: 'Распределяет полномочия и ресурсы между командами, слушает жителей.',
        members: ['n.belova@mfc.example', 'e.nikitina@mfc.example', DEMO_EMAIL],
      },
    ],
    clients: [
      { name: 'Галина Петровна Сорокина', email: 'g.sorokina@mail.example', externalId: 'СНИЛС-…-241' },
      { name: 'Михаил Ковалёв', email: 'm.kovalev@mail.example', externalId: 'СНИЛС-…-318' },
      { name: 'Ольга Андреева', email: 'o.andreeva@mail.example', externalId: 'СНИЛС-…-455' },
      { name: 'Фёдор Тимофеев', email: 'f.timofeev@mail.example', externalId: 'СНИЛС-…-502' },
      { name: 'Светлана Медведева', email: 's.medvedeva@mail.example', externalId: 'СНИЛС-…-617' },
      { name: 'Артём Жуков', email: 'a.zhukov@mail.example', externalId: 'СНИЛС-…-733' },
    ],
  },
  {
    organization: {
      slug: 'neighbourhood-care',
      name: 'Neighbourhood Care',
      kind: 'business',
      locale: 'en',
      currency: 'EUR',
      timeZone: 'Europe/Amsterdam',
    },
    people: [
      { email: 'sanne.devries@care.example', name: 'Sanne de Vries', role: 'council' },
      { email: 'joost.bakker@care.example', name: 'Joost Bakker', role: 'member' },
      { email: 'fatima.elamrani@care.example', name: 'Fatima El Amrani', role: 'member' },
      { email: 'lotte.jansen@care.example', name: 'Lotte Jansen', role: 'member' },
      { email: 'pieter.visser@care.example', name: 'Pieter Visser', role: 'viewer' },
    ],
    teams: [
      {
        name: 'Nurses North',
        kind: 'autonomous',
        purpose: 'Care at home for neighbours in the north quarter, planned with them, by the same faces every week.',
        members: ['joost.bakker@care.example'],
      },
      {
        name: 'Nurses South',
        kind: 'autonomous',
        purpose: 'Care at home in the south quarter; we reach a new client within two days of the first call.',
        members: ['fatima.elamrani@care.example'],
      },
      {
        name: 'Nurses Riverside',
        kind: 'autonomous',
        purpose: 'Care at home along the river; we coordinate with the GP and the family.',
        members: ['lotte.jansen@care.example'],
      },
      {
        name: 'Coaching council',
        kind: 'council',
        purpose: 'Coaches the self-managed teams, holds the shared budget and answers clients’ proposals.',
        members: ['sanne.devries@care.example', DEMO_EMAIL],
      },
    ],
    clients: [
      { name: 'Mrs. Anneke de Boer', email: 'a.deboer@mail.example', externalId: 'NC-1042' },
      { name: 'Mr. Henk Mulder', email: 'h.mulder@mail.example', externalId: 'NC-1057' },
      { name: 'Mrs. Truus Smit', email: 't.smit@mail.example', externalId: 'NC-1063' },
      { name: 'Mr. Kees Meijer', email: 'k.meijer@mail.example', externalId: 'NC-1071' },
      { name: 'Mrs. Ria van Dijk', email: 'r.vandijk@mail.example', externalId: 'NC-1088' },
      { name: 'Mr. Wim de Graaf', email: 'w.degraaf@mail.example', externalId: 'NC-1090' },
    ],
  },
];
