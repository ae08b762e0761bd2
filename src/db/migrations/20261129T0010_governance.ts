import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/** Teams and governance (M5), first part: roles, capabilities, decision rights and their grants. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  const org = (c: ColumnDefinitionBuilder) => c.notNull().references('organizations.id');

  await db.schema
    .createTable('roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('purpose', 'text', notNull)
    .addColumn('accountabilities', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('roles_team_name', ['team_id', 'name'])
    .execute();

  await db.schema
    .createTable('role_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('role_id', 'text', (c) => c.notNull().references('roles.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', notNull)
    .addUniqueConstraint('role_members_role_user', ['role_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('capabilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('capacity_value', 'double precision')
    .addColumn('capacity_unit', 'text', notNull)
    .addColumn('evidence', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('capabilities_team_name', ['team_id', 'name'])
    .execute();

  await db.schema
    .createTable('decision_rights')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('name', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('decision_rights_org_name', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('right_id', 'text', (c) => c.notNull().references('decision_rights.id'))
    .addColumn('holder_type', 'text', notNull)
    .addColumn('holder_id', 'text', notNull)
    .addColumn('parent_id', 'text', (c) => c.references('grants.id'))
    .addColumn('granted_by', 'text', notNull)
    .addColumn('spending_cap', 'bigint')
    .addColumn('scope', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('grants_org_right').on('grants').columns(['org_id', 'right_id']).execute();
  await db.schema.createIndex('grants_holder').on('grants').columns(['org_id', 'holder_type', 'holder_id']).execute();

  await db.schema
    .createTable('grant_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('grant_id', 'text', (c) => c.notNull().references('grants.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('actor_type', 'text', notNull)
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', notNull)
    .addColumn('reason', 'text', notNull)
    .addColumn('spending_cap', 'bigint')
    .addColumn('scope', 'text')
    .addColumn('at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('grant_events_grant').on('grant_events').columns(['org_id', 'grant_id', 'at']).execute();
}
