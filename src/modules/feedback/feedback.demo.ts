/**
 * Demo client feedback: «СтройДом» clients rate the warranty promise — NPS through a
 * survey's public link, CSAT in the portal — over the last five months, getting better as the
 * promise is kept; two low scores are triaged to the pain «Долго ждать ответа гарантийной службы»
 * and one is answered. `neighbourhood-care` has a few responses in English.
 */
import type { FeedbackKind } from '../../core/voice/feedback.js';
import type { Actor, OrgContext } from '../context.js';
import { hasDemoRows, idsByColumn, staffByEmail } from '../demo/demo.repository.js';
import { giveFeedback, replyToFeedback, triageFeedback } from './feedback.service.js';
import { answerSurvey, createSurvey } from './survey.service.js';

const DAY = 24 * 3600 * 1000;

interface DemoResponse {
  client: string;
  kind: FeedbackKind;
  score: number;
  comment: string;
  daysAgo: number;
  /** Given through the survey's public link rather than the portal form. */
  viaSurvey?: boolean;
  /** The pain (by its text) it is triaged to. */
  pain?: string;
  /** A staff answer: by whom (e-mail) and what. */
  reply?: { by: string; text: string };
}

interface DemoFeedback {
  promise: string;
  survey?: { kind: FeedbackKind; question: string; by: string };
  triagedBy: string;
  responses: DemoResponse[];
}

const WARRANTY_WAIT = 'Долго ждать ответа гарантийной службы';

const DEMO_FEEDBACK: Record<string, DemoFeedback[]> = {
  stroydom: [
    {
      promise: 'Ответ на гарантийное обращение за 24 часа',
      survey: {
        kind: 'nps',
        question: 'Насколько вероятно, что вы порекомендуете гарантийный сервис СтройДом друзьям?',
        by: 'maria.fedorova@stroydom.example',
      },
      triagedBy: 'dmitry.orlov@stroydom.example',
      responses: [
        {
          client: 'Семья Лебедевых',
          kind: 'nps',
          score: 6,
          daysAgo: 150,
          viaSurvey: true,
          comment: 'Ответили только на третий день, зато мастер всё сделал аккуратно.',
        },
        {
          client: 'Алексей Морозов',
          kind: 'nps',
          score: 4,
          daysAgo: 136,
          viaSurvey: true,
          comment: 'Написал про трещину в отмостке — неделю тишина. Пришлось звонить директору.',
        },
        {
          client: 'Екатерина Волкова',
          kind: 'csat',
          score: 2,
          daysAgo: 131,
          comment: 'Два дня не могла дозвониться до гарантийной службы.',
          pain: WARRANTY_WAIT,
        },
        {
          client: 'Екатерина Волкова',
          kind: 'nps',
          score: 9,
          daysAgo: 118,
          viaSurvey: true,
          comment: 'Инженер приехал на следующий день после ответа и всё объяснил.',
        },
        { client: 'Семья Лебедевых', kind: 'csat', score: 3, daysAgo: 109, comment: 'Ответили, но срок выезда не назвали.' },
        {
          client: 'Семья Новиковых',
          kind: 'nps',
          score: 7,
          daysAgo: 98,
          viaSurvey: true,
          comment: 'В целом нормально, но долго выясняли, гарантийный ли это случай.',
        },
        {
          client: 'Роман Зайцев',
          kind: 'nps',
          score: 10,
          daysAgo: 80,
          viaSurvey: true,
          comment: 'Ответили за пару часов и сразу назвали дату выезда. Так бы всегда.',
        },
        { client: 'Роман Зайцев', kind: 'csat', score: 5, daysAgo: 79, comment: '' },
        { client: 'Ирина Павлова', kind: 'nps', score: 8, daysAgo: 61, viaSurvey: true, comment: '' },
        { client: 'Ирина Павлова', kind: 'csat', score: 4, daysAgo: 60, comment: 'Чётко назвали ответственного инженера и его телефон.' },
        {
          client: 'Семья Егоровых',
          kind: 'nps',
          score: 9,
          daysAgo: 44,
          viaSurvey: true,
          comment: 'Быстро заменили клапан в котельной, спасибо Дмитрию.',
        },
        { client: 'Семья Егоровых', kind: 'csat', score: 5, daysAgo: 43, comment: 'Всё быстро и вежливо.' },
        { client: 'Алексей Морозов', kind: 'nps', score: 8, daysAgo: 29, viaSurvey: true, comment: 'Стало заметно быстрее, чем весной.' },
        { client: 'Алексей Морозов', kind: 'csat', score: 4, daysAgo: 28, comment: '' },
        {
          client: 'Семья Лебедевых',
          kind: 'nps',
          score: 10,
          daysAgo: 13,
          viaSurvey: true,
          comment: 'Ответили в тот же день, всё по делу.',
        },
        {
          client: 'Семья Новиковых',
          kind: 'nps',
          score: 3,
          daysAgo: 5,
          viaSurvey: true,
          comment: 'Опять три дня ждали ответа, а у нас протекает окно в детской.',
          pain: WARRANTY_WAIT,
          reply: {
            by: 'dmitry.orlov@stroydom.example',
            text: 'Приносим извинения: обращение потерялось при передаче смены. Инженер приедет завтра с 10 до 12, окно заменим за наш счёт.',
          },
        },
        { client: 'Семья Новиковых', kind: 'csat', score: 2, daysAgo: 4, comment: 'Ответа ждали дольше суток.' },
      ],
    },
  ],
  'neighbourhood-care': [
    {
      promise: 'The same small team at every visit',
      triagedBy: 'joost.bakker@care.example',
      responses: [
        {
          client: 'Mrs. Anneke de Boer',
          kind: 'csat',
          score: 2,
          daysAgo: 40,
          comment: 'Another new face this week. I had to explain my pills again.',
          pain: 'A different nurse every visit',
        },
        { client: 'Mr. Henk Mulder', kind: 'csat', score: 4, daysAgo: 26, comment: 'Mostly Joost and Eva now, which is lovely.' },
        {
          client: 'Mrs. Truus Smit',
          kind: 'nps',
          score: 9,
          daysAgo: 12,
          comment: 'The nurses know my husband by now. That matters so much.',
          reply: {
            by: 'joost.bakker@care.example',
            text: 'Thank you, Mrs. Smit — we will keep the same two nurses for your husband through the winter.',
          },
        },
        {
          client: 'Mr. Kees Meijer',
          kind: 'nps',
          score: 6,
          daysAgo: 3,
          comment: 'Good care, but three different people during the flu weeks.',
        },
      ],
    },
    {
      promise: 'First visit within two days of the call',
      triagedBy: 'fatima.elamrani@care.example',
      responses: [
        { client: 'Mr. Kees Meijer', kind: 'csat', score: 5, daysAgo: 55, comment: 'Fatima came the day after my daughter called.' },
      ],
    },
  ],
};

/**
 * Seeds the feedback above for a demo organization that has none; returns whether it did.
 * Responses are dated relative to now (in the morning, Moscow or Amsterdam time, roughly).
 */
export async function seedDemoFeedback(ctx: () => OrgContext, publicUrl: string): Promise<boolean> {
  const first = ctx();
  const demo = DEMO_FEEDBACK[first.org.slug];
  if (!demo) return false;
  const { db, org, now } = first;
  if (await hasDemoRows(db, org.id, 'feedback')) return false;

  const byName = async (table: 'promises' | 'clients' | 'pains', column: 'title' | 'name' | 'text', value: string) => {
    const id = (await idsByColumn(db, org.id, table, column)).get(value);
    if (!id) throw new Error(`demo feedback: no ${table} «${value}» in ${org.slug}`);
    return id;
  };
  const users = new Map([...(await staffByEmail(db, org.id))].map(([email, person]) => [email, person.id]));
  const staff = (email: string, at: number): OrgContext => ({
    db,
    org,
    actor: { type: 'user', id: users.get(email) ?? null, label: email },
    now: at,
  });
  const asClient = (id: string, name: string, at: number): OrgContext => {
    const actor: Actor = { type: 'client', id, label: name };
    return { db, org, actor, now: at };
  };

  for (const group of demo) {
    const promiseId = await byName('promises', 'title', group.promise);
    const oldest = Math.max(...group.responses.map((r) => r.daysAgo));
    const survey = group.survey
      ? await createSurvey(
          staff(group.survey.by, now - (oldest + 3) * DAY),
          { kind: group.survey.kind, question: group.survey.question, subjectType: 'promise', subjectId: promiseId },
          '',
        )
      : null;
    for (const r of group.responses) {
      const clientId = await byName('clients', 'name', r.client);
      // Mornings, a few hours apart, so the list reads like real days.
      const at = now - r.daysAgo * DAY - ((r.score * 37) % 9) * 3600 * 1000;
      const who = asClient(clientId, r.client, at);
      const given =
        r.viaSurvey && survey
          ? await answerSurvey(who, survey.publicKey, { score: r.score, comment: r.comment }, clientId)
          : await giveFeedback(who, clientId, {
              kind: r.kind,
              score: r.score,
              comment: r.comment,
              subjectType: 'promise',
              subjectId: promiseId,
            });
      if (r.pain) await triageFeedback(staff(group.triagedBy, at + 5 * 3600 * 1000), given.id, await byName('pains', 'text', r.pain));
      if (r.reply) await replyToFeedback(staff(r.reply.by, at + 6 * 3600 * 1000), given.id, r.reply.text, publicUrl);
    }
  }
  return true;
}
