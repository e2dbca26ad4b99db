// Versioned migrations of the report store, the same for SQLite and PostgreSQL. All pending
// migrations run in one transaction (both databases have transactional DDL), under the write lock
// (SQLite) or an advisory lock (PostgreSQL), so two processes starting together migrate once.
// A database migrated by a newer Thresher is refused rather than written with an older schema.

import { sql } from 'kysely';
import { ConflictError } from '../core/index.js';
import type { SqlDialectName, StoreContext, StoreDatabase } from './store-context.js';

interface Migration {
  version: number;
  name: string;
  up(db: StoreDatabase, dialect: SqlDialectName): Promise<void>;
}

/** Any constant: PostgreSQL advisory locks are keyed by number. */
const migrationLockKey = 7_352_114;

async function createInboxTables(db: StoreDatabase, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('profile_yaml', 'text', (column) => column.notNull())
    .addColumn('repo_path', 'text')
    .addColumn('advisories_path', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('project', 'text', (column) => column.notNull().references('projects.name'))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('format', 'text', (column) => column.notNull())
    .addColumn('content_hash', 'text', (column) => column.notNull())
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('assessment', 'text')
    .addColumn('disposition', 'text')
    .addColumn('priority', 'integer', (column) => column.notNull())
    .addColumn('rules', 'text', (column) => column.notNull())
    .addColumn('embargo_until', 'text')
    .addColumn('duplicate_of', 'text', (column) => column.references('reports.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('reports_content_once', ['project', 'content_hash'])
    .execute();
  // The queue's order, so a page is one index range scan.
  await db.schema
    .createIndex('reports_queue')
    .on('reports')
    .expression(sql`project, priority desc, received_at, id`)
    .execute();
  await db.schema
    .createIndex('reports_duplicate_of')
    .on('reports')
    .column('duplicate_of')
    .execute();

  await db.schema
    .createTable('report_events')
    .addColumn('sequence', dialect === 'postgres' ? 'serial' : 'integer', (column) =>
      dialect === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement(),
    )
    .addColumn('report_id', 'text', (column) => column.notNull().references('reports.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('visibility', 'text', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('body', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema
    .createIndex('report_events_by_report')
    .on('report_events')
    .columns(['report_id', 'sequence'])
    .execute();
  await refuseEventChanges(db, dialect);

  await db.schema
    .createTable('report_access_tokens')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('report_id', 'text', (column) => column.notNull().references('reports.id'))
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('report_access_tokens_by_report')
    .on('report_access_tokens')
    .column('report_id')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('email', 'text', (column) => column.notNull().unique())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_by_user').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('sessions_by_expiry').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('duplicate_documents')
    .addColumn('project', 'text', (column) => column.notNull().references('projects.name'))
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('document', 'text', (column) => column.notNull())
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('duplicate_documents_key', ['project', 'id'])
    .execute();
}

/** The audit log is append-only in the database itself, not only by the store's code. */
async function refuseEventChanges(db: StoreDatabase, dialect: SqlDialectName): Promise<void> {
  if (dialect === 'sqlite') {
    for (const action of ['update', 'delete']) {
      await sql
        .raw(
          `create trigger report_events_no_${action} before ${action} on report_events ` +
            `begin select raise(abort, 'report_events is append-only'); end`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `create function report_events_refuse_change() returns trigger language plpgsql as ` +
        `$$ begin raise exception 'report_events is append-only'; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger report_events_append_only before update or delete on report_events ` +
        `for each row execute function report_events_refuse_change()`,
    )
    .execute(db);
}

/** Reports by reporter, for the reporter's history (case-insensitive e-mail address). */
async function indexReportsByReporter(db: StoreDatabase): Promise<void> {
  await db.schema
    .createIndex('reports_by_reporter')
    .on('reports')
    .expression(sql`project, lower(reporter_email), received_at`)
    .execute();
}

/** Each project's intake settings (pause, work-in-progress limit, gating, publication), JSON. */
async function addProjectSettings(db: StoreDatabase): Promise<void> {
  await db.schema
    .alterTable('projects')
    .addColumn('settings', 'text', (column) => column.notNull().defaultTo('{}'))
    .execute();
}

/** A report's draft advisory (the model's JSON), with its own optimistic version (issue 15). */
async function addAdvisoryDrafts(db: StoreDatabase): Promise<void> {
  await db.schema
    .createTable('advisory_drafts')
    .addColumn('report_id', 'text', (column) => column.primaryKey().references('reports.id'))
    .addColumn('advisory', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
}

const reportStoreMigrations: readonly Migration[] = [
  { version: 1, name: 'inbox records', up: createInboxTables },
  { version: 2, name: 'reports by reporter', up: indexReportsByReporter },
  { version: 3, name: 'project settings', up: addProjectSettings },
  { version: 4, name: 'advisory drafts', up: addAdvisoryDrafts },
];

/** Applies pending migrations (after `prepare`, under the same lock); returns the versions applied now. */
export async function migrateReportStore(
  context: StoreContext,
  prepare?: (db: StoreDatabase) => Promise<void>,
): Promise<number[]> {
  const latest = reportStoreMigrations.at(-1)?.version ?? 0;
  return context.write(async (db) => {
    if (context.dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(${migrationLockKey})`.execute(db);
    }
    await prepare?.(db);
    await db.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('applied_at', 'text', (column) => column.notNull())
      .execute();
    const rows = await db.selectFrom('schema_migrations').select('version').execute();
    const applied = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...applied);
    if (newest > latest) {
      throw new ConflictError(
        `the report store's schema is at version ${newest}, newer than this Thresher knows (${latest}); upgrade Thresher`,
      );
    }
    const done: number[] = [];
    for (const migration of reportStoreMigrations) {
      if (applied.has(migration.version)) continue;
      await migration.up(db, context.dialect);
      await db
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: context.now() })
        .execute();
      done.push(migration.version);
    }
    return done;
  });
}
