import { createHmac } from 'node:crypto';
import { notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { pageInMemory } from '../list.js';
import {
  addReportToSubject,
  countOpenClientReports,
  findOpenReportType,
  findSubjectHiddenAt,
  hideSubject,
  insertReport,
  keepSubjectHidden,
  listOpenReports,
  listReportedFeedback,
  listReportedProposals,
  loadReportState,
  type ReportSubject,
  resolveOpenReports,
  showSubject,
  subjectExists,
} from './moderation.repository.js';
import type { TModerationItem, TReportInput, TResolveReports } from './proposal.schema.js';
import { loadVoiceSettings } from './voice-settings.js';

type Subject = ReportSubject;

/** The reporter key of someone not signed in: a keyed hash of their IP, so the address itself is never stored. */
export function anonymousReporter(secret: string, ip: string): string {
  return `ip:${createHmac('sha256', secret).update(`report:${ip}`).digest('base64url').slice(0, 32)}`;
}

/**
 * Reports a proposal (or a feedback comment) for moderation: one report per reporter (a client's id,
 * or a hash of the IP), kept by a unique key under concurrency. At the organization's
 * `hideAfterReports` it is hidden and waits in the moderation queue. Returns whether this report
 * counted and whether the subject is hidden now.
 */
export async function reportContent(ctx: OrgContext, input: TReportInput): Promise<{ counted: boolean; hidden: boolean }> {
  return ctx.db.transaction().execute(async (tx) => {
    const type = input.subjectType;
    if (!(await subjectExists(tx, ctx.org.id, input.subjectType, input.subjectId))) throw notFound(input.subjectType, input.subjectId);
    const counted = await insertReport(tx, {
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
    });
    if (counted) await addReportToSubject(tx, ctx.org.id, type, input.subjectId);
    const settings = await loadVoiceSettings(tx, ctx.org.id);
    const row = await loadReportState(tx, ctx.org.id, type, input.subjectId);
    let hidden = row.hidden_at !== null;
    // Only signed-in clients' open reports hide a proposal by themselves: anyone can change IP, so
    // reports from addresses wait in the queue for a person to look at.
    const byClients = await countOpenClientReports(tx, ctx.org.id, type, input.subjectId);
    if (counted && !hidden && byClients >= settings.hideAfterReports) {
      await hideSubject(tx, ctx.org.id, type, input.subjectId, ctx.now);
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
  const reports = await listOpenReports(ctx.db, ctx.org.id);
  const groups = new Map<string, { type: Subject; reasons: { id: string; reason: string; createdAt: number }[] }>();
  for (const r of reports) {
    const group = groups.get(r.subject_id) ?? { type: r.subject_type, reasons: [] };
    group.reasons.push({ id: r.id, reason: r.reason, createdAt: r.created_at });
    groups.set(r.subject_id, group);
  }
  const ids = (type: Subject) => [...groups].filter(([, g]) => g.type === type).map(([id]) => id);
  const proposals = new Map<string, { title: string; text: string; hiddenAt: number | null }>();
  for (const r of await listReportedProposals(ctx.db, ctx.org.id, ids('proposal')))
    proposals.set(r.id, { title: r.title, text: r.body, hiddenAt: r.hidden_at });
  for (const r of await listReportedFeedback(ctx.db, ctx.org.id, ids('feedback')))
    proposals.set(r.id, { title: r.kind.toUpperCase(), text: r.comment, hiddenAt: r.hidden_at });
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
    const type = await findOpenReportType(tx, ctx.org.id, id);
    if (!type) throw notFound('open reports of', id);
    await resolveOpenReports(tx, ctx.org.id, id, {
      resolved_at: ctx.now,
      resolution: input.resolution,
      resolved_by: await actorName(tx, ctx),
    });
    if (input.resolution === 'kept') await showSubject(tx, ctx.org.id, type, id);
    else await keepSubjectHidden(tx, ctx.org.id, type, id, ctx.now);
    const row = await findSubjectHiddenAt(tx, ctx.org.id, type, id);
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
