import { conflict, invalidField, notFound } from '../../core/errors.js';
import { dayInZone, isDue } from '../../core/governance/dates.js';
import { newId } from '../../core/ids.js';
import type { AgreementsTable, Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { findTeam, listTeamNames } from '../teams/team.repository.js';
import { findAgreement, insertAgreement, listAgreementRows, updateAgreementRow } from './agreement.repository.js';
import type { TAgreement, TCreateAgreement, TCreateAgreementReview, TReview, TUpdateAgreement } from './agreement.schema.js';
import { requireTeamAuthority } from './authority.js';
import { guardTeamChange } from './override.service.js';
import { checkNextReviewDate, insertReview, lastReviews, listReviews } from './review.service.js';
import { findRoleWithTeam, listRolesWithTeams } from './structure.repository.js';

/** The owner of an agreement (a team, or a role of a team) with its team, or a field error. */
export async function resolveOwner(tx: Tx, ctx: OrgContext, ownerType: 'team' | 'role', ownerId: string, field = 'ownerId') {
  if (ownerType === 'team') {
    const team = await findTeam(tx, ctx.org.id, ownerId);
    if (!team) throw invalidField(field, 'not_found', 'no team with this id in the organization', { entity: 'team' });
    return { teamId: team.id, name: team.name };
  }
  const role = await findRoleWithTeam(tx, ctx.org.id, ownerId);
  if (!role) throw invalidField(field, 'not_found', 'no role with this id in the organization', { entity: 'role' });
  return { teamId: role.team_id, name: `${role.team} / ${role.name}` };
}

/** Names of teams and roles (`Team / Role`) of the organization, by id. */
export async function ownerNames(tx: Tx, orgId: string): Promise<Map<string, string>> {
  const teams = await listTeamNames(tx, orgId);
  const roles = await listRolesWithTeams(tx, orgId);
  return new Map([...teams.map((t) => [t.id, t.name] as const), ...roles.map((r) => [r.id, `${r.team} / ${r.name}`] as const)]);
}

async function describe(tx: Tx, ctx: OrgContext, rows: AgreementsTable[]): Promise<TAgreement[]> {
  const names = await ownerNames(tx, ctx.org.id);
  const reviews = await lastReviews(
    tx,
    ctx.org.id,
    'agreement',
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    teamId: row.team_id,
    teamName: names.get(row.team_id) ?? '',
    owner: { type: row.owner_type, id: row.owner_id, name: names.get(row.owner_id) ?? '' },
    title: row.title,
    driver: row.driver,
    text: row.body,
    criteria: row.criteria,
    reviewDate: row.review_date,
    status: row.status,
    isDue: row.status !== 'retired' && isDue(row.review_date, ctx.now, ctx.org.time_zone),
    lastReview: reviews.get(row.id) ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** A review date set by hand may be today (due at once, on purpose) but not a day already gone. */
function checkNotPast(ctx: OrgContext, reviewDate: string): void {
  if (reviewDate < dayInZone(ctx.now, ctx.org.time_zone)) throw invalidField('reviewDate', 'in_past', 'must not be in the past');
}

async function loadAgreement(tx: Tx, ctx: OrgContext, id: string): Promise<AgreementsTable> {
  const row = await findAgreement(tx, ctx.org.id, id);
  if (!row) throw notFound('agreement', id);
  return row;
}

/** Agreements of the organization, by team, status, or due for review (review day come, not retired). */
export async function listAgreements(
  ctx: OrgContext,
  filter: { teamId?: string; status?: AgreementsTable['status']; due?: 'true' | 'false' },
): Promise<TAgreement[]> {
  const rows = await listAgreementRows(
    ctx.db,
    ctx.org.id,
    { teamId: filter.teamId, status: filter.status, due: filter.due === undefined ? undefined : filter.due === 'true' },
    dayInZone(ctx.now, ctx.org.time_zone),
  );
  return describe(ctx.db, ctx, rows);
}

export async function getAgreement(ctx: OrgContext, id: string): Promise<TAgreement> {
  const [agreement] = await describe(ctx.db, ctx, [await loadAgreement(ctx.db, ctx, id)]);
  return agreement as TAgreement;
}

/** Records an agreement owned by a team or a role; only that team's members, an admin or the council may. */
export async function createAgreement(ctx: OrgContext, input: TCreateAgreement): Promise<TAgreement> {
  return ctx.db.transaction().execute(async (tx) => {
    const owner = await resolveOwner(tx, ctx, input.ownerType, input.ownerId);
    checkNotPast(ctx, input.reviewDate);
    await requireTeamAuthority(tx, ctx, owner.teamId, 'record its agreements');
    const id = newId();
    await guardTeamChange(
      tx,
      ctx,
      { teamId: owner.teamId, action: 'agreement_created', subjectType: 'agreement', subjectId: id },
      input.override,
    );
    const row: AgreementsTable = {
      id,
      org_id: ctx.org.id,
      team_id: owner.teamId,
      owner_type: input.ownerType,
      owner_id: input.ownerId,
      title: input.title,
      driver: input.driver,
      body: input.text,
      criteria: input.criteria,
      review_date: input.reviewDate,
      status: 'active',
      created_by: await actorName(tx, ctx),
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await insertAgreement(tx, row);
    const [agreement] = await describe(tx, ctx, [row]);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'agreement.created',
      entityType: 'agreement',
      entityId: row.id,
      after: agreement,
      at: ctx.now,
    });
    return agreement as TAgreement;
  });
}

export async function updateAgreement(ctx: OrgContext, id: string, input: TUpdateAgreement): Promise<TAgreement> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadAgreement(tx, ctx, id);
    await requireTeamAuthority(tx, ctx, row.team_id, 'change its agreements');
    await guardTeamChange(
      tx,
      ctx,
      { teamId: row.team_id, action: 'agreement_updated', subjectType: 'agreement', subjectId: id },
      input.override,
    );
    if (input.reviewDate !== undefined && input.reviewDate !== row.review_date) checkNotPast(ctx, input.reviewDate);
    const set = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.driver !== undefined && { driver: input.driver }),
      ...(input.text !== undefined && { body: input.text }),
      ...(input.criteria !== undefined && { criteria: input.criteria }),
      ...(input.reviewDate !== undefined && { review_date: input.reviewDate }),
      ...(input.status !== undefined && { status: input.status }),
      updated_at: ctx.now,
    };
    await updateAgreementRow(tx, ctx.org.id, id, set);
    const [before, after] = await describe(tx, ctx, [row, { ...row, ...set }]);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'agreement.updated',
      entityType: 'agreement',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after as TAgreement;
  });
}

/**
 * Reviews an agreement: records the outcome and moves the review date to the next one (status back
 * to active), or retires it.
 */
export async function reviewAgreement(ctx: OrgContext, id: string, input: TCreateAgreementReview): Promise<TReview> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadAgreement(tx, ctx, id);
    await requireTeamAuthority(tx, ctx, row.team_id, 'review its agreements');
    if (row.status === 'retired')
      throw conflict('id', 'wrong_status', 'the agreement is retired: nothing to review', { status: 'retired' });
    // Reviewing (or retiring) an autonomous team's agreement from above is a change to the team, like editing it.
    await guardTeamChange(
      tx,
      ctx,
      { teamId: row.team_id, action: 'agreement_reviewed', subjectType: 'agreement', subjectId: id },
      input.override,
    );
    const next = checkNextReviewDate(ctx, input);
    const review = await insertReview(tx, ctx, 'agreement', id, input);
    const set =
      next === null
        ? { status: 'retired' as const, updated_at: ctx.now }
        : { status: 'active' as const, review_date: next, updated_at: ctx.now };
    await updateAgreementRow(tx, ctx.org.id, id, set);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'agreement.reviewed',
      entityType: 'agreement',
      entityId: id,
      before: { status: row.status, reviewDate: row.review_date },
      after: { ...review, status: set.status },
      at: ctx.now,
    });
    return review;
  });
}

export async function agreementReviews(ctx: OrgContext, id: string): Promise<TReview[]> {
  await loadAgreement(ctx.db, ctx, id);
  return listReviews(ctx.db, ctx.org.id, 'agreement', id);
}
