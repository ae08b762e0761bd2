import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { pageInMemory } from '../list.js';
import type { TModerationItem, TReportInput, TResolveReports } from './proposal.schema.js';
import { loadVoiceSettings } from './voice-settings.js';

type Subject = 'proposal' | 'feedback';
const TABLE = { proposal: 'proposals', feedback: 'feedback' } as const;

/** The reporter key of someone not signed in: a keyed hash of their IP, so the address itself is never stored. */
export function anonymousReporter(secret: string, ip: string): string {
  return `ip:${createHmac('sha256', secret).update(`report:${ip}`).digest('base64url').slice(0, 32)}`;
}

async function subjectExists(tx: Tx, orgId: string, type: Subject, id: string): Promise<boolean> {
  const row = await tx.selectFrom(TABLE[type]).select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/**
 * Reports a proposal (or a feedback comment) for moderation: one report per reporter (a client's id,
 * or a hash of the IP), kept by a unique key under concurrency. At the organization's
 * `hideAfterReports` it is hidden and waits in the moderation queue. Returns whether this report
 * counted and whether the subject is hidden now.
 */
export async function reportContent(ctx: OrgContext, input: TReportInput): Promise<{ counted: boolean; hidden: boolean }> {
  return ctx.db.transaction().execute(async (tx) => {
    const table = TABLE[input.subjectType];
    if (!(await subjectExists(tx, ctx.org.id, input.subjectType, input.subjectId))) throw notFound(input.subjectType, input.subjectId);
    const inserted = await tx
      .insertInto('content_reports')
      .values({
        id: newId(),
        org_id: ctx.org.id,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        reporter: input.reporter,
        reason: (input.reason ?? '').trim().slice(0, 1000),
        created_at: ctx.now,
        resolved_at: null,
        resolution: null,
        resolved_by: null,
      })
      .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'reporter']).doNothing())
      .executeTakeFirst();
    const counted = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    if (counted) {
      await tx
        .updateTable(table)
        .set({ reports: sql<number>`reports + 1` })
        .where('org_id', '=', ctx.org.id)
        .where('id', '=', input.subjectId)
        .execute();
    }
    const settings = await loadVoiceSettings(tx, ctx.org.id);
    const row = await tx
      .selectFrom(table)
      .select(['reports', 'hidden_at'])
      .where('org_id', '=', ctx.org.id)
      .where('id', '=', input.subjectId)
      .executeTakeFirstOrThrow();
    let hidden = row.hidden_at !== null;
    // Only signed-in clients' open reports hide a proposal by themselves: anyone can change IP, so
    // reports from addresses wait in the queue for a person to look at.
    const byClients = await tx
      .selectFrom('content_reports')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('org_id', '=', ctx.org.id)
      .where('subject_type', '=', input.subjectType)
      .where('subject_id', '=', input.subjectId)
      .where('resolved_at', 'is', null)
      .where('reporter', 'like', 'client:%')
      .executeTakeFirstOrThrow();
    if (counted && !hidden && Number(byClients.n) >= settings.hideAfterReports) {
      await tx.updateTable(table).set({ hidden_at: ctx.now }).where('org_id', '=', ctx.org.id).where('id', '=', input.subjectId).execute();
      hidden = true;
    }
    if (counted) {
      await appendAudit(tx, {
        orgId: ctx.org.id,
        actor: ctx.actor,
        action: `${input.subjectType}.reported`,
        entityType: input.subjectType,
        entityId: input.subjectId,
        after: { reports: row.reports, hidden },
        at: ctx.now,
      });
    }
    return { counted, hidden };
  });
}

/** The moderation queue: open reports grouped by what they report, the longest waiting first. */
export async function listModeration(ctx: OrgContext, page: TPageQuery) {
  const reports = await ctx.db
    .selectFrom('content_reports')
    .select(['id', 'subject_type', 'subject_id', 'reason', 'created_at'])
    .where('org_id', '=', ctx.org.id)
    .where('resolved_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const groups = new Map<string, { type: Subject; reasons: { id: string; reason: string; createdAt: number }[] }>();
  for (const r of reports) {
    const group = groups.get(r.subject_id) ?? { type: r.subject_type, reasons: [] };
    group.reasons.push({ id: r.id, reason: r.reason, createdAt: r.created_at });
    groups.set(r.subject_id, group);
  }
  const ids = (type: Subject) => [...groups].filter(([, g]) => g.type === type).map(([id]) => id);
  const proposals = new Map<string, { title: string; text: string; hiddenAt: number | null }>();
  for (let i = 0, list = ids('proposal'); i < list.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('proposals')
      .select(['id', 'title', 'body', 'hidden_at'])
      .where('org_id', '=', ctx.org.id)
      .where('id', 'in', list.slice(i, i + 500))
      .execute();
    for (const r of rows) proposals.set(r.id, { title: r.title, text: r.body, hiddenAt: r.hidden_at });
  }
  for (let i = 0, list = ids('feedback'); i < list.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('feedback')
      .select(['id', 'kind', 'comment', 'hidden_at'])
      .where('org_id', '=', ctx.org.id)
      .where('id', 'in', list.slice(i, i + 500))
      .execute();
    for (const r of rows) proposals.set(r.id, { title: r.kind.toUpperCase(), text: r.comment, hiddenAt: r.hidden_at });
  }
  const items: TModerationItem[] = [];
  for (const [id, group] of groups) {
    const subject = proposals.get(id);
    if (!subject) continue;
    items.push({
      id,
      subjectType: group.type,
      title: subject.title,
      text: subject.text,
      hiddenAt: subject.hiddenAt,
      reports: group.reasons.length,
      reasons: group.reasons,
      firstReportedAt: group.reasons[0]?.createdAt ?? 0,
    });
  }
  return pageInMemory(items, page);
}

/**
 * Closes the open reports of a proposal or feedback comment: `kept` shows it again (its report
 * counter starts over; the same reporters cannot report it again), `removed` keeps it hidden.
 */
export async function resolveReports(ctx: OrgContext, id: string, input: TResolveReports) {
  return ctx.db.transaction().execute(async (tx) => {
    const open = await tx
      .selectFrom('content_reports')
      .select('subject_type')
      .where('org_id', '=', ctx.org.id)
      .where('subject_id', '=', id)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    if (!open) throw notFound('open reports of', id);
    const type = open.subject_type;
    await tx
      .updateTable('content_reports')
      .set({ resolved_at: ctx.now, resolution: input.resolution, resolved_by: await actorName(tx, ctx) })
      .where('org_id', '=', ctx.org.id)
      .where('subject_id', '=', id)
      .where('resolved_at', 'is', null)
      .execute();
    const table = TABLE[type];
    if (input.resolution === 'kept') {
      await tx.updateTable(table).set({ hidden_at: null, reports: 0 }).where('org_id', '=', ctx.org.id).where('id', '=', id).execute();
    } else {
      await tx
        .updateTable(table)
        .set({ hidden_at: sql<number>`coalesce(hidden_at, ${ctx.now})` })
        .where('org_id', '=', ctx.org.id)
        .where('id', '=', id)
        .execute();
    }
    const row = await tx.selectFrom(table).select('hidden_at').where('org_id', '=', ctx.org.id).where('id', '=', id).executeTakeFirst();
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: `${type}.moderated`,
      entityType: type,
      entityId: id,
      after: { resolution: input.resolution },
      at: ctx.now,
    });
    return { id, subjectType: type, resolution: input.resolution, hiddenAt: row?.hidden_at ?? null };
  });
}
