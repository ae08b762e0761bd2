import type { OrgContext } from '../context.js';
import { demoClients, firstPublishedClientPromise, hasDemoRows } from '../demo/demo.repository.js';
import { listTeamNames } from '../teams/team.repository.js';
import { settleOverdueProposals } from './answer.service.js';
import { changeProposalStatus, createClientProposal, linkImplementation, supportProposal } from './proposal.service.js';
import { loadVoiceSettings } from './voice-settings.js';
import { lockVoiceSettings, setAnswerTeamAcceptance, setAnswerTeamId, voiceSettingsRow } from './voice-settings.repository.js';

const DAY = 24 * 3600 * 1000;

interface DemoProposal {
  title: string;
  body: string;
  /** Indexes into the organization's clients (in the order they were made): the author first. */
  supporters: number[];
  /** Days before now it was proposed; supports come a day apart after that. */
  daysAgo: number;
  /** Days after the last support it was answered (omit: not answered). */
  answer?: { after: number; status: 'accepted' | 'declined' | 'under_consideration'; text?: string; implementedByPromise?: boolean };
}

/**
 * The demo's proposals, with times that tell their story under a threshold of 3 supports and 14 days
 * to answer: one answered in time (a good event on the answer promise), one overdue (a bad event).
 */
const DEMO: Record<string, DemoProposal[]> = {
  stroydom: [
    {
      title: 'Онлайн-запись на гарантийный выезд',
      body: 'Сейчас на гарантийный выезд записывают только по телефону в рабочие часы. Хотим выбирать удобный день и время сами, на сайте.',
      supporters: [0, 1, 2, 3],
      daysAgo: 40,
      answer: {
        after: 5,
        status: 'accepted',
        text: 'Принимаем: с прошлого месяца выезд можно выбрать в личном кабинете, а срок ответа на обращение закреплён в обещании гарантийного сервиса.',
        implementedByPromise: true,
      },
    },
    {
      title: 'Фотоотчёт по этапам стройки в личном кабинете',
      body: 'Многие из нас живут в другом городе. Просим после каждого этапа (фундамент, стены, кровля, сети) выкладывать фотографии и акт.',
      supporters: [4, 5, 6],
      daysAgo: 24,
    },
    {
      title: 'Гарантия на кровлю 10 лет вместо 5',
      body: 'Кровля — самое дорогое в ремонте. Пять лет гарантии мало: предлагаем десять, пусть даже за доплату.',
      supporters: [1, 3],
      daysAgo: 9,
    },
    {
      title: 'Приёмка дома в субботу',
      body: 'Приёмка проходит только в будни, и приходится брать отгул. Предлагаем хотя бы одну субботу в месяц.',
      supporters: [2],
      daysAgo: 6,
      answer: { after: 1, status: 'under_consideration' },
    },
  ],
  mfc: [
    {
      title: 'Вечерний приём до 20:00 по четвергам',
      body: 'Работающим людям трудно успеть до 18:00. Просим хотя бы один день в неделю принимать до 20:00.',
      supporters: [0, 1, 2, 3],
      daysAgo: 32,
      answer: {
        after: 6,
        status: 'accepted',
        text: 'Принимаем: с первого числа следующего месяца по четвергам окна 1–3 работают до 20:00.',
      },
    },
    {
      title: 'Работать по субботам до 17:00',
      body: 'В субботу МФЦ закрывается в 14:00, и очередь к обеду огромная. Предлагаем работать до 17:00.',
      supporters: [4, 5, 0],
      daysAgo: 12,
    },
    {
      title: 'Открываться в 8:00 по будням',
      body: 'Чтобы успеть до работы, хорошо бы открываться на час раньше — в 8:00.',
      supporters: [1, 5],
      daysAgo: 5,
    },
  ],
  'neighbourhood-care': [
    {
      title: 'Evening visits until 9 pm',
      body: 'Many of us need help getting ready for bed, and the last visit at 7 pm is too early. Please extend evening rounds to 9 pm.',
      supporters: [0, 1, 2],
      daysAgo: 30,
      answer: {
        after: 6,
        status: 'accepted',
        text: 'Yes: from next month Nurses North and South run a late round until 9 pm; Riverside follows after hiring.',
      },
    },
    {
      title: 'The same nurse every week',
      body: 'It is hard to explain everything again to a new face. Please plan the same nurse for each client whenever possible.',
      supporters: [3, 4],
      daysAgo: 10,
      answer: { after: 2, status: 'under_consideration' },
    },
  ],
};

/** Voice settings for a demo organization that has none: 3 supports oblige an answer within 14 days. */
async function ensureDemoSettings(ctx: OrgContext): Promise<void> {
  await lockVoiceSettings(
    ctx.db,
    voiceSettingsRow(
      ctx.org.id,
      {
        allowRegistration: true,
        requireConfirmedEmail: false,
        thresholdKind: 'count',
        thresholdValue: 3,
        responseDays: 14,
        answerTeamId: null,
        answerPromiseId: null,
        hideAfterReports: 3,
      },
      ctx.now,
      null,
    ),
  );
}

/**
 * The demo's answering team — the council of managers, else the first team — proposed and accepted
 * at `acceptedAt`, before any proposal reached its threshold: the answer promise is that team's own.
 */
async function acceptDemoAnswerTeam(ctx: OrgContext, acceptedAt: number): Promise<void> {
  const settings = await loadVoiceSettings(ctx.db, ctx.org.id);
  if (settings.answerTeamAcceptedAt !== null) return;
  const teams = await listTeamNames(ctx.db, ctx.org.id);
  const teamId = settings.answerTeamId ?? (teams.find((t) => t.kind === 'council') ?? teams[0])?.id;
  if (!teamId) return;
  await setAnswerTeamId(ctx.db, ctx.org.id, teamId);
  await setAnswerTeamAcceptance(ctx.db, ctx.org.id, { at: acceptedAt, by: ctx.actor.label });
}

/**
 * Seeds clients' proposals in a demo organization that has none, through the same services the
 * portal and the API use, at explicit past times: in «СтройДом» one proposal passed the threshold
 * and was answered in time, another passed it and is overdue (the answer promise gets its good and
 * bad events); in `mfc`, citizens' proposals about opening hours; in `neighbourhood-care`, a couple.
 */
export async function seedDemoProposals(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  const demo = DEMO[first.org.slug];
  if (!demo) return false;
  const { db, org } = first;
  if (await hasDemoRows(db, org.id, 'proposals')) return false;
  await ensureDemoSettings(first);
  const clients = await demoClients(db, org.id);
  if (clients.length === 0) return false;
  const now = first.now;
  const at = (t: number): OrgContext => ({ ...ctx(), now: t });
  await acceptDemoAnswerTeam(first, now - (Math.max(...demo.map((d) => d.daysAgo)) + 1) * DAY);
  const promiseId = await firstPublishedClientPromise(db, org.id);
  // Oldest first, so the answer promise is made when the first proposal reaches its threshold.
  for (const item of [...demo].sort((x, y) => y.daysAgo - x.daysAgo)) {
    const made = now - item.daysAgo * DAY;
    const author = clients[item.supporters[0]! % clients.length]!;
    const proposal = await createClientProposal(at(made), author, { title: item.title, body: item.body });
    let last = made;
    for (const [index, who] of item.supporters.entries()) {
      last = made + (index + 1) * DAY;
      await supportProposal(at(last), clients[who % clients.length]!.id, proposal.id);
    }
    if (item.answer) {
      const when = Math.min(last + item.answer.after * DAY, now - 60_000);
      await changeProposalStatus(at(when), proposal.id, { status: item.answer.status, answer: item.answer.text });
      if (item.answer.implementedByPromise && promiseId) {
        await linkImplementation(at(when + 60_000), proposal.id, { implementedType: 'promise', implementedId: promiseId });
      }
    }
  }
  // The overdue proposal's due time has passed: its bad event is recorded now, as the server would.
  await settleOverdueProposals(db, ctx().now, org.id);
  return true;
}
