import { AppError, conflict, notFound } from '../../core/errors.js';
import type { Db } from '../../db/schema.js';
import { allAudit } from '../audit/audit.repository.js';
import { findOrgBySlug } from '../orgs/org.repository.js';
import { rebuildCounters } from '../promises/ingest.service.js';
import { manifestOf } from './transfer.manifest.js';
import { EXPORT_FORMAT, EXPORT_VERSION, type TExportFile } from './transfer.schema.js';
import { DISCOVERY_KEYS } from './transfer.tables.js';
import { VOICE_KEYS } from './transfer.voice.schema.js';

/** Discovery and value design rows (M2, M3), each table in a stable order. */
async function exportDiscovery(db: Db, orgId: string) {
  const byCreated = <
    T extends
      | 'segments'
      | 'needs'
      | 'pains'
      | 'gains'
      | 'evidence'
      | 'value_items'
      | 'value_links'
      | 'canvases'
      | 'canvas_factors'
      | 'canvas_competitors'
      | 'roles'
      | 'role_members'
      | 'capabilities'
      | 'decision_rights'
      | 'grants'
      | 'agreements'
      | 'decisions'
      | 'reviews'
      | 'promises'
      | 'promise_requests',
  >(
    table: T,
  ) =>
    db
      .selectFrom(table as 'segments')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  return {
    segments: await byCreated('segments'),
    needs: await byCreated('needs'),
    pains: await byCreated('pains'),
    gains: await byCreated('gains'),
    evidence: await byCreated('evidence'),
    valueItems: await byCreated('value_items'),
    valueLinks: await byCreated('value_links'),
    canvases: await byCreated('canvases'),
    canvasFactors: await byCreated('canvas_factors'),
    canvasCompetitors: await byCreated('canvas_competitors'),
    canvasLevels: await db
      .selectFrom('canvas_levels')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('factor_id')
      .orderBy('competitor_id')
      .execute(),
    roles: await byCreated('roles'),
    roleMembers: await byCreated('role_members'),
    capabilities: await byCreated('capabilities'),
    decisionRights: await byCreated('decision_rights'),
    grants: await byCreated('grants'),
    grantEvents: await db.selectFrom('grant_events').selectAll().where('org_id', '=', orgId).orderBy('at').orderBy('id').execute(),
    agreements: await byCreated('agreements'),
    decisions: await byCreated('decisions'),
    adviceRequests: await db
      .selectFrom('advice_requests')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('requested_at')
      .orderBy('id')
      .execute(),
    reviews: await byCreated('reviews'),
    promises: await byCreated('promises'),
    promiseVersions: await db
      .selectFrom('promise_versions')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('promise_id')
      .orderBy('version')
      .execute(),
    // Events only: the counters are rebuilt from them on import.
    promiseEvents: await db
      .selectFrom('promise_events')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('promise_id')
      .orderBy('occurred_at')
      .orderBy('external_id')
      .execute(),
    redressItems: await db.selectFrom('redress_items').selectAll().where('org_id', '=', orgId).orderBy('owed_at').orderBy('id').execute(),
    promiseRequests: await byCreated('promise_requests'),
    ...(await exportEconomics(db, orgId)),
    ...(await exportVoice(db, orgId)),
  };
}

/** Team economics (M6), each table in a stable order. */
async function exportEconomics(db: Db, orgId: string) {
  return {
    economicsSettings: await db.selectFrom('economics_settings').selectAll().where('org_id', '=', orgId).execute(),
    economicPeriods: await db.selectFrom('economic_periods').selectAll().where('org_id', '=', orgId).orderBy('period').execute(),
    ledgerLines: await db
      .selectFrom('ledger_lines')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('period')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    periodMembers: await db
      .selectFrom('period_members')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('period')
      .orderBy('team_id')
      .orderBy('user_id')
      .execute(),
    internalTrades: await db
      .selectFrom('internal_trades')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('period')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    splitRules: await db.selectFrom('split_rules').selectAll().where('org_id', '=', orgId).orderBy('team_id').execute(),
    peerPoints: await db
      .selectFrom('peer_points')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('period')
      .orderBy('team_id')
      .orderBy('giver_id')
      .orderBy('receiver_id')
      .execute(),
    reserveAllocations: await db
      .selectFrom('reserve_allocations')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  };
}

/** Client voice (M7), each table in a stable order. The outbox is not exported: see transfer.voice.schema.ts. */
async function exportVoice(db: Db, orgId: string) {
  const byCreated = <T extends 'surveys' | 'feedback' | 'proposals' | 'content_reports' | 'polls' | 'pb_rounds'>(table: T) =>
    db
      .selectFrom(table as 'surveys')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  const byClient = <T extends 'client_segments' | 'proposal_supports' | 'poll_ballots' | 'pb_ballots'>(
    table: T,
    first: 'segment_id' | 'proposal_id' | 'poll_id' | 'round_id',
  ) =>
    db
      .selectFrom(table as 'client_segments')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy(first as 'segment_id')
      .orderBy('client_id')
      .execute();
  return {
    clientSegments: await byClient('client_segments', 'segment_id'),
    voiceSettings: await db.selectFrom('voice_settings').selectAll().where('org_id', '=', orgId).execute(),
    surveys: await byCreated('surveys'),
    feedback: await byCreated('feedback'),
    proposals: await byCreated('proposals'),
    proposalSupports: await byClient('proposal_supports', 'proposal_id'),
    contentReports: await byCreated('content_reports'),
    polls: await byCreated('polls'),
    pollBallots: await byClient('poll_ballots', 'poll_id'),
    pbRounds: await byCreated('pb_rounds'),
    pbProjects: await db
      .selectFrom('pb_projects')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('round_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    pbBallots: await byClient('pb_ballots', 'round_id'),
  };
}

/**
 * Client voice rows of the file, with the people recorded beside them (who triaged, answered,
 * allocated…) re-pointed at reused accounts; ids of tokens and of people who have left are kept.
 */
function voiceRows(file: TExportFile, key: (typeof VOICE_KEYS)[number][0], person: (id: string | null) => string | null): object[] {
  switch (key) {
    case 'voiceSettings':
      return file.voiceSettings.map((r) => ({ ...r, updated_by: person(r.updated_by) }));
    case 'surveys':
      return file.surveys.map((r) => ({ ...r, created_by: person(r.created_by) }));
    case 'feedback':
      return file.feedback.map((r) => ({ ...r, triaged_by: person(r.triaged_by), replied_by: person(r.replied_by) }));
    case 'proposals':
      return file.proposals.map((r) => ({ ...r, author_user_id: person(r.author_user_id), answered_by: person(r.answered_by) }));
    case 'contentReports':
      return file.contentReports.map((r) => ({ ...r, resolved_by: person(r.resolved_by) }));
    case 'polls':
      return file.polls.map((r) => ({ ...r, created_by: person(r.created_by) }));
    case 'pbRounds':
      return file.pbRounds.map((r) => ({ ...r, allocated_by: person(r.allocated_by), created_by: person(r.created_by) }));
    default:
      return file[key];
  }
}

/** Promises ordered so that a supported promise comes before the promises supporting it. */
function supportedFirst<T extends { id: string; supports_promise_id: string | null }>(rows: T[]): T[] {
  return parentsFirst(rows.map((r) => ({ ...r, parent_id: r.supports_promise_id }))).map(({ parent_id: _p, ...r }) => r as unknown as T);
}

/** Grants ordered so that every parent comes before the grants sub-delegated from it. */
function parentsFirst<T extends { id: string; parent_id: string | null }>(rows: T[]): T[] {
  const placed = new Set<string>();
  const ordered: T[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((r) => r.parent_id === null || placed.has(r.parent_id) || !rows.some((x) => x.id === r.parent_id));
    if (ready.length === 0) return [...ordered, ...pending];
    for (const r of ready) {
      ordered.push(r);
      placed.add(r.id);
    }
    pending = pending.filter((r) => !placed.has(r.id));
  }
  return ordered;
}

/**
 * The whole organization as one versioned document: every row that belongs to it, in a stable
 * order, so two exports of the same data are equal but for `exportedAt`, with a manifest (counts per
 * section, a hash of the content) that an import checks. Includes password and token hashes (never
 * secrets): the file is an operator's backup and must be kept as such.
 */
export async function exportOrganization(db: Db, slug: string, now: number): Promise<TExportFile> {
  const org = await findOrgBySlug(db, slug);
  if (!org) throw notFound('organization', slug);
  const memberships = await db
    .selectFrom('memberships')
    .selectAll()
    .where('org_id', '=', org.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const userIds = [...new Set(memberships.map((m) => m.user_id))];
  const users = userIds.length
    ? await db.selectFrom('users').selectAll().where('id', 'in', userIds).orderBy('created_at').orderBy('id').execute()
    : [];
  const content = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    organization: org,
    users,
    memberships,
    teams: await db.selectFrom('teams').selectAll().where('org_id', '=', org.id).orderBy('created_at').orderBy('id').execute(),
    teamMembers: await db.selectFrom('team_members').selectAll().where('org_id', '=', org.id).orderBy('created_at').orderBy('id').execute(),
    clients: await db.selectFrom('clients').selectAll().where('org_id', '=', org.id).orderBy('created_at').orderBy('id').execute(),
    clientInvitations: await db
      .selectFrom('client_invitations')
      .selectAll()
      .where('org_id', '=', org.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    apiTokens: await db.selectFrom('api_tokens').selectAll().where('org_id', '=', org.id).orderBy('created_at').orderBy('id').execute(),
    ...(await exportDiscovery(db, org.id)),
    audit: await allAudit(db, org.id),
  };
  const { format, version, ...data } = content;
  return { format, version, exportedAt: now, manifest: manifestOf(content), ...data } as unknown as TExportFile;
}

/**
 * Imports an exported organization into this database, all or nothing. The slug must be free.
 * People are matched by e-mail: an existing account is reused (its password unchanged) and the
 * file's rows are re-pointed at it; ids of everything else are kept.
 */
export async function importOrganization(db: Db, file: TExportFile): Promise<{ slug: string; counts: Record<string, number> }> {
  const orgId = file.organization.id;
  for (const [name, rows] of Object.entries({
    memberships: file.memberships,
    teams: file.teams,
    teamMembers: file.teamMembers,
    clients: file.clients,
    clientInvitations: file.clientInvitations,
    apiTokens: file.apiTokens,
    ...[...DISCOVERY_KEYS, ...VOICE_KEYS].reduce(
      (acc, [key]) => Object.assign(acc, { [key]: file[key] }),
      {} as Record<string, { org_id: string }[]>,
    ),
    audit: file.audit,
  })) {
    const index = rows.findIndex((row) => row.org_id !== orgId);
    if (index >= 0)
      throw new AppError('validation_failed', `${name}.${index}.org_id: does not match organization.id`, [
        { path: `${name}.${index}.org_id`, message: 'does not match organization.id' },
      ]);
  }
  return db.transaction().execute(async (tx) => {
    if (await findOrgBySlug(tx, file.organization.slug))
      throw conflict('organization.slug', `an organization with slug ${file.organization.slug} already exists`);
    if (await tx.selectFrom('organizations').select('id').where('id', '=', orgId).executeTakeFirst()) {
      throw conflict('organization.id', `an organization with id ${orgId} already exists (imported before under another slug?)`);
    }
    const userIdMap = new Map<string, string>();
    for (const user of file.users) {
      const existing = await tx.selectFrom('users').select('id').where('email', '=', user.email.toLowerCase()).executeTakeFirst();
      if (existing) {
        userIdMap.set(user.id, existing.id);
      } else {
        const clash = await tx.selectFrom('users').select('id').where('id', '=', user.id).executeTakeFirst();
        if (clash) throw conflict('users.id', `a different person already has id ${user.id}`);
        await tx.insertInto('users').values(user).execute();
        userIdMap.set(user.id, user.id);
      }
    }
    const mapUser = (id: string) => {
      const mapped = userIdMap.get(id);
      if (!mapped)
        throw new AppError('validation_failed', `user_id: ${id} is not among the file's users`, [
          { path: 'users', message: `missing user ${id}` },
        ]);
      return mapped;
    };
    // People recorded beside rows (who decided, who answered) may have left the organization since:
    // their names stay in the labels, their ids are dropped.
    const mapPerson = (id: string | null) => (id === null ? null : (userIdMap.get(id) ?? null));
    await tx.insertInto('organizations').values(file.organization).execute();
    const insertAll = async <
      T extends
        | 'memberships'
        | 'teams'
        | 'team_members'
        | 'clients'
        | 'client_invitations'
        | 'api_tokens'
        | 'audit_log'
        | (typeof DISCOVERY_KEYS)[number][1]
        | (typeof VOICE_KEYS)[number][1],
    >(
      table: T,
      rows: object[],
    ) => {
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        if (chunk.length === 0) continue;
        // Rows are validated against ZExportFile, which mirrors the tables column for column.
        await tx
          .insertInto(table)
          .values(chunk as never)
          .execute();
      }
    };
    await insertAll(
      'memberships',
      file.memberships.map((m) => ({ ...m, user_id: mapUser(m.user_id) })),
    );
    await insertAll('teams', file.teams);
    await insertAll(
      'team_members',
      file.teamMembers.map((m) => ({ ...m, user_id: mapUser(m.user_id) })),
    );
    await insertAll('clients', file.clients);
    await insertAll('client_invitations', file.clientInvitations);
    await insertAll('api_tokens', file.apiTokens);
    for (const [key, table] of DISCOVERY_KEYS) {
      const rows: object[] =
        key === 'roleMembers'
          ? file.roleMembers.map((m) => ({ ...m, user_id: mapUser(m.user_id) }))
          : key === 'grants'
            ? parentsFirst(file.grants)
            : key === 'decisions'
              ? file.decisions.map((d) => ({ ...d, decided_by: mapPerson(d.decided_by), created_by_id: mapPerson(d.created_by_id) }))
              : key === 'adviceRequests'
                ? file.adviceRequests.map((r) => ({
                    ...r,
                    // An adviser who has left keeps their id: the request and its answer stay on record.
                    adviser_id: r.adviser_type === 'user' ? (userIdMap.get(r.adviser_id) ?? r.adviser_id) : r.adviser_id,
                    answered_by: mapPerson(r.answered_by),
                  }))
                : key === 'promises'
                  ? supportedFirst(file.promises)
                  : key === 'periodMembers'
                    ? // Hours and points of someone who has left go with them; closed months keep their figures frozen.
                      file.periodMembers.flatMap((m) => (userIdMap.has(m.user_id) ? [{ ...m, user_id: mapUser(m.user_id) }] : []))
                    : key === 'peerPoints'
                      ? file.peerPoints.flatMap((p) =>
                          userIdMap.has(p.giver_id) && userIdMap.has(p.receiver_id)
                            ? [{ ...p, giver_id: mapUser(p.giver_id), receiver_id: mapUser(p.receiver_id) }]
                            : [],
                        )
                      : file[key];
      await insertAll(table, rows);
    }
    // Voice rows name people beside them without a foreign key: re-pointed when reused, else kept.
    const keepPerson = (id: string | null) => (id === null ? null : (userIdMap.get(id) ?? id));
    for (const [key, table] of VOICE_KEYS) await insertAll(table, voiceRows(file, key, keepPerson));
    for (const promise of file.promises) await rebuildCounters(tx, orgId, promise.id, promise.fine_bucket_ms);
    await insertAll('audit_log', file.audit);
    return {
      slug: file.organization.slug,
      counts: {
        users: file.users.length,
        memberships: file.memberships.length,
        teams: file.teams.length,
        teamMembers: file.teamMembers.length,
        clients: file.clients.length,
        clientInvitations: file.clientInvitations.length,
        apiTokens: file.apiTokens.length,
        ...Object.fromEntries([...DISCOVERY_KEYS, ...VOICE_KEYS].map(([key]) => [key, file[key].length])),
        audit: file.audit.length,
      },
    };
  });
}
