import { dayInZone } from '../../core/governance/dates.js';
import type { Ballot } from '../../core/voice/tally.js';
import type { OrgContext } from '../context.js';
import { addClientsToSegment, clientSegmentsOf, hasDemoRows, idsByColumn, staffByEmail } from '../demo/demo.repository.js';
import { giveClientAdvice } from '../governance/client-advice.service.js';
import { createDecision } from '../governance/decision.service.js';
import { takeDecision } from '../governance/decision-process.service.js';
import { castPollBallot } from './ballot.service.js';
import { getPoll, openPoll } from './poll.service.js';

const DAY = 24 * 3600 * 1000;

interface DemoPoll {
  decision: { title: string; context: string; options: string[] };
  poll: { kind: 'single' | 'ranked'; question: string; quorum: number | null; openedDaysAgo: number; closesInDays: number };
  /** The segments asked, by name: the first is the homeowners. */
  segments: string[];
  /** Ballots by client name. */
  ballots: [string, Ballot][];
  decided?: { daysAgo: number; option: number; rationale: string };
}

const STROYDOM = {
  team: 'Гарантийный сервис',
  right: 'Решать гарантийные случаи',
  by: 'dmitry.orlov@stroydom.example',
  homeowners: 'Владельцы домов после сдачи',
  builders: 'Семьи, строящие первый дом',
  polls: [
    {
      decision: {
        title: 'Как принимать гарантийные заявки',
        context:
          'Сейчас о гарантийном случае сообщают прорабу своей бригады по телефону, и заявка теряется, когда он на объекте. Выбираем один порядок для всех владельцев домов — и спрашиваем их самих.',
        options: [
          'Заявка в личном кабинете с фото, ответ в течение суток',
          'Единая горячая линия, выезд инженера на осмотр',
          'Как сейчас: через прораба своей бригады',
          'Чат гарантийного сервиса с дежурным инженером',
        ],
      },
      poll: {
        kind: 'ranked',
        question: 'Как вам удобнее сообщать о гарантийном случае? Расставьте варианты по порядку.',
        quorum: 5,
        openedDaysAgo: 20,
        closesInDays: -6,
      },
      // Families still building will be under warranty soon: they are asked too.
      segments: ['Владельцы домов после сдачи', 'Семьи, строящие первый дом'],
      // Round 1: hotline 3, app 2, foreman 1, chat 1 — no majority of 7; foreman and chat, tied since
      // round 1, go out together, and both ballots move to the app. Round 2: app 4 of 7 — the clients'
      // choice, though the hotline led the first preferences.
      ballots: [
        ['Семья Лебедевых', { ranking: [1, 0] }],
        ['Алексей Морозов', { ranking: [1, 3] }],
        ['Екатерина Волкова', { ranking: [0, 3] }],
        ['Семья Новиковых', { ranking: [3, 0] }],
        ['Роман Зайцев', { ranking: [1, 0] }],
        ['Ирина Павлова', { ranking: [0, 1, 3] }],
        ['Семья Егоровых', { ranking: [2, 0] }],
      ],
      decided: {
        daysAgo: 5,
        option: 0,
        rationale:
          'Так выбрали владельцы домов: заявка с фото в кабинете, и инженер видит дефект до выезда. Горячая линия остаётся запасным каналом для тех, кому неудобен кабинет.',
      },
    },
    {
      decision: {
        title: 'Когда выезжать по гарантии',
        context: 'Инженеры выезжают по будням с 9 до 18, а многие владельцы работают и просят приезжать вечером или в субботу.',
        options: ['Будни с 9 до 18, как сейчас', 'Будни до 21:00', 'Суббота вместо одного буднего дня'],
      },
      poll: {
        kind: 'single',
        question: 'Когда вам удобнее принимать гарантийного инженера?',
        quorum: 3,
        openedDaysAgo: 2,
        closesInDays: 7,
      },
      segments: ['Владельцы домов после сдачи'],
      // Two of the four homeowners have voted; one more vote reaches the quorum.
      ballots: [
        ['Семья Лебедевых', { option: 2 }],
        ['Алексей Морозов', { option: 1 }],
      ],
    },
  ] satisfies DemoPoll[],
  /** A decision that asks the homeowners' advice on the portal, with one family's advice given. */
  advice: {
    title: 'Памятка владельца дома: на бумаге или в кабинете',
    context:
      'При сдаче дома владелец получает папку с инструкциями по уходу за домом и гарантийными сроками. Её теряют, а сроки забывают. Спрашиваем владельцев, как им удобнее.',
    options: ['Печатная папка, как сейчас', 'Памятка в личном кабинете с напоминаниями о сроках'],
    client: 'Семья Лебедевых',
    text: 'Нужны оба варианта: папку читаем в первый месяц, а напоминания о сроках гарантии удобнее получать в кабинете.',
    preferredOption: 1,
  },
};

/**
 * Seeds client polls on decisions for «СтройДом» when it has none: a ranked poll on how warranty
 * claims are taken (closed; the runoff's choice differs from the first preferences, and the
 * decision follows it), and an open single-choice poll on visiting hours for clients to vote in.
 * Clients vote by their segments; when no client of the organization is in any segment (segments
 * not assigned), every client is put in the homeowners' segment, so that all are eligible.
 */
export async function seedDemoPolls(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  if (first.org.slug !== 'stroydom') return false;
  const db = first.db;
  const orgId = first.org.id;
  if (await hasDemoRows(db, orgId, 'polls')) return false;
  const teamId = (await idsByColumn(db, orgId, 'teams')).get(STROYDOM.team);
  const rightId = (await idsByColumn(db, orgId, 'decision_rights')).get(STROYDOM.right);
  const segments = await idsByColumn(db, orgId, 'segments');
  const homeowners = segments.get(STROYDOM.homeowners);
  const person = (await staffByEmail(db, orgId)).get(STROYDOM.by);
  if (!teamId || !rightId || !homeowners || !person) return false;
  const clients = await idsByColumn(db, orgId, 'clients');
  if (!(await hasDemoRows(db, orgId, 'client_segments')))
    await addClientsToSegment(db, orgId, [...clients.values()], homeowners, first.now);
  const membership = await clientSegmentsOf(db, orgId);
  const at = (daysAgo: number, step = 0): OrgContext => ({
    ...ctx(),
    actor: { type: 'user', id: person.id, label: STROYDOM.by },
    role: person.role,
    now: first.now - daysAgo * DAY + step,
  });

  for (const demo of STROYDOM.polls as DemoPoll[]) {
    const segmentIds = demo.segments.flatMap((name) => segments.get(name) ?? []);
    const eligible = new Set(membership.filter((m) => segmentIds.includes(m.segment_id)).map((m) => m.client_id));
    const opened = at(demo.poll.openedDaysAgo);
    const decision = await createDecision(opened, {
      title: demo.decision.title,
      context: demo.decision.context,
      teamId,
      rightId,
      options: demo.decision.options.map((title) => ({ title, description: '' })),
      amount: null,
      advisers: [],
      adviceDeadline: null,
      reviewDate: null,
      // The open poll asks the homeowners it touches; the decision waits for it.
      touchesSegmentIds: demo.decided ? [] : segmentIds,
    });
    const poll = await openPoll(at(demo.poll.openedDaysAgo, 1), decision.id, {
      kind: demo.poll.kind,
      question: demo.poll.question,
      segmentIds,
      opensAt: opened.now,
      closesAt: first.now + demo.poll.closesInDays * DAY,
      quorum: demo.poll.quorum,
      hideResults: false,
    });
    // The clients vote over the first days the poll is open.
    for (const [i, [name, ballot]] of demo.ballots.entries()) {
      const clientId = clients.get(name);
      if (!clientId || !eligible.has(clientId)) continue;
      const voting = at(demo.poll.openedDaysAgo, 2 + i);
      await castPollBallot(
        { ...voting, now: voting.now + Math.floor((i * DAY) / 2), actor: { type: 'client', id: clientId, label: name } },
        poll.id,
        clientId,
        ballot,
      );
    }
    if (demo.decided) {
      const deciding = at(demo.decided.daysAgo);
      // Should the segments the lead assigned make another option the clients' choice, the decision says why it differs.
      const { result } = await getPoll(deciding, poll.id);
      const isAgainst = result?.counts === true && !result.winners.includes(demo.decided.option);
      await takeDecision(deciding, decision.id, {
        chosenOption: demo.decided.option,
        rationale: demo.decided.rationale,
        ...(isAgainst && { clientRationale: demo.decided.rationale }),
        reviewDate: dayInZone(first.now + 60 * DAY, first.org.time_zone),
      });
    }
  }
  await seedAdviceAsked(at, homeowners, clients, new Set(membership.filter((m) => m.segment_id === homeowners).map((m) => m.client_id)), {
    teamId,
    rightId,
  });
  return true;
}

/** The decision asking the homeowners' advice through the portal, open for a few more days, with one family's advice. */
async function seedAdviceAsked(
  at: (daysAgo: number, step?: number) => OrgContext,
  homeowners: string,
  clients: Map<string, string>,
  inSegment: Set<string>,
  ids: { teamId: string; rightId: string },
): Promise<void> {
  const demo = STROYDOM.advice;
  const opened = at(3);
  const decision = await createDecision(opened, {
    title: demo.title,
    context: demo.context,
    teamId: ids.teamId,
    rightId: ids.rightId,
    options: demo.options.map((title) => ({ title, description: '' })),
    amount: null,
    advisers: [],
    adviceDeadline: dayInZone(opened.now + 7 * 24 * 3600 * 1000, opened.org.time_zone),
    reviewDate: null,
    touchesSegmentIds: [homeowners],
    adviceFromSegmentIds: [homeowners],
  });
  const clientId = clients.get(demo.client);
  if (!clientId || !inSegment.has(clientId)) return;
  const advising = at(1);
  await giveClientAdvice({ ...advising, actor: { type: 'client', id: clientId, label: demo.client } }, decision.id, clientId, {
    advice: demo.text,
    preferredOption: demo.preferredOption,
  });
}
