/**
 * Demo promises (step 4) and how their 90 days of events are made: per day about `perDay` events;
 * `outcome(random, daysAgo)` gives each event's value (threshold) or good/bad (ratio). One promise in
 * each organization has a recent bad spell, so the board and the alerts are alive on first start.
 */
import type { TMetric, TRedress, TWindow } from './promise.schema.js';

export interface DemoPromise {
  key: string;
  title: string;
  statement: string;
  kind: 'client' | 'internal';
  team: string;
  segment?: string;
  promiseeTeam?: string;
  supports?: string;
  pains?: string[];
  capabilities?: string[];
  rights?: string[];
  metric: TMetric;
  target: number;
  window: TWindow;
  redress?: TRedress;
  perDay: number;
  /** A share of events naming a client (so bad ones owe redress). */
  clientShare?: number;
  outcome: (random: () => number, daysAgo: number) => { good?: boolean; value?: number };
}

/** Hours (or any unit) drawn around a typical value with a long tail: most small, a few large. */
const around = (random: () => number, typical: number, spread: number) => typical * Math.exp((random() - 0.5) * spread);
const round1 = (n: number) => Math.round(n * 10) / 10;

export const DEMO_PROMISES: Record<string, DemoPromise[]> = {
  stroydom: [
    {
      key: 'warranty-answer',
      title: 'Ответ на гарантийное обращение за 24 часа',
      statement: 'Гарантийная служба отвечает на обращение в течение 24 часов: называет ответственного и срок выезда.',
      kind: 'client',
      team: 'Гарантийный сервис',
      segment: 'Владельцы домов после сдачи',
      pains: ['Долго ждать ответа гарантийной службы'],
      capabilities: ['Выездные инженеры'],
      rights: ['Решать гарантийные случаи'],
      metric: { kind: 'threshold', op: '<=', threshold: 24, unit: 'часов' },
      target: 0.95,
      window: { kind: 'rolling', days: 30 },
      redress: { kind: 'apology', amount: null, text: 'Звоним, извиняемся и в тот же день называем точную дату выезда' },
      perDay: 6,
      clientShare: 0.5,
      outcome: (random) => ({ value: round1(around(random, 7, 2.6)) }),
    },
    {
      key: 'handover',
      title: 'Дом сдаётся в срок, указанный в договоре',
      statement: 'Мы сдаём дом не позже даты, записанной в договоре.',
      kind: 'client',
      team: 'Бригада Кузнецова',
      segment: 'Семьи, строящие первый дом',
      pains: ['Срок сдачи сдвигается без объяснений'],
      capabilities: ['Монтаж коробки и кровли'],
      rights: ['Менять график работ'],
      metric: { kind: 'ratio' },
      target: 0.9,
      window: { kind: 'calendar', period: 'quarter' },
      perDay: 0.35,
      outcome: (random) => ({ good: random() > 0.02 }),
    },
    {
      key: 'crew-visit',
      title: 'Бригада выезжает по гарантийной заявке за 2 дня',
      statement: 'Бригада Кузнецова приезжает на гарантийный ремонт не позже чем через 2 дня после заявки гарантийной службы.',
      kind: 'internal',
      team: 'Бригада Кузнецова',
      promiseeTeam: 'Гарантийный сервис',
      supports: 'warranty-answer',
      metric: { kind: 'threshold', op: '<=', threshold: 2, unit: 'дня' },
      target: 0.9,
      window: { kind: 'rolling', days: 30 },
      perDay: 3,
      // A bad spell: the crew was on a big site the last five days.
      outcome: (random, daysAgo) => ({ value: round1(daysAgo <= 5 ? around(random, 2.4, 1.4) : around(random, 0.9, 1.2)) }),
    },
    {
      key: 'design-answer',
      title: 'Ответ по проекту дома за рабочий день',
      statement: 'Проектирование отвечает гарантийной службе на вопрос по проекту дома в течение рабочего дня.',
      kind: 'internal',
      team: 'Проектирование',
      promiseeTeam: 'Гарантийный сервис',
      supports: 'warranty-answer',
      metric: { kind: 'ratio' },
      target: 0.9,
      window: { kind: 'rolling', days: 30 },
      perDay: 2,
      outcome: (random) => ({ good: random() > 0.015 }),
    },
  ],
  mfc: [
    {
      key: 'certificate',
      title: 'Справку выдаём за 3 рабочих дня',
      statement: 'Справку, которую готовит МФЦ, вы получаете не позже чем через 3 рабочих дня после заявления.',
      kind: 'client',
      team: 'Бэк-офис: обработка документов',
      segment: 'Жители района',
      pains: ['Непонятно, на каком этапе заявление'],
      capabilities: ['Подготовка справок'],
      rights: ['Подписывать справки'],
      metric: { kind: 'threshold', op: '<=', threshold: 3, unit: 'дня' },
      target: 0.95,
      window: { kind: 'rolling', days: 30 },
      redress: { kind: 'correction', amount: null, text: 'Доставим справку курьером на дом бесплатно' },
      perDay: 60,
      clientShare: 0.02,
      // The last two days: a registry outage, a third of the certificates late.
      outcome: (random, daysAgo) => ({ value: round1(daysAgo <= 2 && random() < 0.35 ? 3.5 + random() * 3 : around(random, 1.4, 1.3)) }),
    },
    {
      key: 'queue',
      title: 'Ждём в очереди не больше 15 минут',
      statement: 'В очереди на приём вы ждёте не больше 15 минут.',
      kind: 'client',
      team: 'Фронт-офис: окна 1–6',
      segment: 'Жители района',
      pains: ['Очередь больше 30 минут'],
      capabilities: ['Приём заявителей'],
      rights: ['Продлевать приём сверх графика'],
      metric: { kind: 'threshold', op: '<=', threshold: 15, unit: 'минут' },
      target: 0.9,
      window: { kind: 'calendar', period: 'month' },
      perDay: 100,
      outcome: (random) => ({ value: Math.round(around(random, 7, 1.6)) }),
    },
    {
      key: 'home-visit',
      title: 'Выезд на дом в согласованный день',
      statement: 'Специалист приезжает к маломобильному заявителю в тот день, который мы согласовали.',
      kind: 'client',
      team: 'Выездное обслуживание',
      segment: 'Жители района',
      capabilities: ['Выезд на дом'],
      rights: ['Назначать время выезда'],
      metric: { kind: 'ratio' },
      target: 0.95,
      window: { kind: 'rolling', days: 30 },
      perDay: 1.2,
      outcome: (random) => ({ good: random() > 0.02 }),
    },
  ],
  'neighbourhood-care': [
    {
      key: 'first-visit',
      title: 'First visit within two days of the call',
      statement: 'After your first call, a nurse visits you within two days.',
      kind: 'client',
      team: 'Nurses South',
      segment: 'Older neighbours living at home',
      pains: ['Waiting days for the first visit after calling'],
      capabilities: ['Home nursing'],
      rights: ['Plan care visits'],
      metric: { kind: 'threshold', op: '<=', threshold: 2, unit: 'days' },
      target: 0.9,
      window: { kind: 'rolling', days: 30 },
      perDay: 2,
      outcome: (random) => ({ value: round1(around(random, 1, 1.6)) }),
    },
    {
      key: 'same-faces',
      title: 'The same small team at every visit',
      statement: 'At most four nurses you know take care of you.',
      kind: 'client',
      team: 'Nurses North',
      segment: 'Older neighbours living at home',
      pains: ['A different nurse every visit'],
      capabilities: ['Home nursing'],
      rights: ['Plan care visits'],
      metric: { kind: 'ratio' },
      target: 0.95,
      window: { kind: 'rolling', days: 30 },
      perDay: 30,
      // Flu season in the team: the last three days many visits by stand-ins.
      outcome: (random, daysAgo) => ({ good: random() > (daysAgo <= 3 ? 0.3 : 0.02) }),
    },
    {
      key: 'on-time',
      title: 'We arrive within 15 minutes of the planned time',
      statement: 'Your nurse arrives no later than 15 minutes after the time we agreed, or calls you before.',
      kind: 'client',
      team: 'Nurses Riverside',
      segment: 'Older neighbours living at home',
      capabilities: ['Home nursing'],
      rights: ['Plan care visits'],
      metric: { kind: 'threshold', op: '<=', threshold: 15, unit: 'minutes' },
      target: 0.95,
      window: { kind: 'calendar', period: 'month' },
      redress: { kind: 'compensation', amount: 1500, text: 'A €15 credit on your next invoice' },
      perDay: 20,
      clientShare: 0.3,
      outcome: (random) => ({ value: Math.round(around(random, 5.5, 2.1)) }),
    },
  ],
};

/** Strategy-canvas factors measured by a promise: factor name → promise key. */
export const DEMO_MEASURED_FACTORS: Record<string, Record<string, string>> = {
  stroydom: { 'Срок стройки': 'handover' },
  mfc: { 'Время ожидания': 'queue' },
  'neighbourhood-care': { 'Time to first visit': 'first-visit' },
};

/** A promise that came first (steps 4 before 5): drafted to a segment by the organization, with no team yet. */
export interface DemoIntention {
  title: string;
  statement: string;
  segment: string;
  metric: TMetric;
  target: number;
  window: TWindow;
}

/** One intention per demo organization that has one: the promises page asks to form the team that will keep it. */
export const DEMO_INTENTIONS: Record<string, DemoIntention[]> = {
  stroydom: [
    {
      title: 'Сезонный осмотр дома раз в год',
      statement: 'Каждый год, до начала отопительного сезона, мастер бесплатно осматривает дом и говорит, что поправить.',
      segment: 'Владельцы домов после сдачи',
      metric: { kind: 'ratio' },
      target: 0.9,
      window: { kind: 'calendar', period: 'quarter' },
    },
  ],
  'neighbourhood-care': [
    {
      title: 'A named contact for every family',
      statement: 'Every family has one named person to call, who answers within the working day.',
      segment: 'Older neighbours living at home',
      metric: { kind: 'ratio' },
      target: 0.95,
      window: { kind: 'rolling', days: 30 },
    },
  ],
};
