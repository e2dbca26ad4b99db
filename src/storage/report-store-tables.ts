// The tables of the report store as the query layer sees them (one shape for SQLite and
// PostgreSQL): times are ISO 8601 UTC text, JSON values are text, ids are random text.

import type { Generated } from 'kysely';

export interface ProjectsTable {
  name: string;
  profile_yaml: string;
  repo_path: string | null;
  advisories_path: string | null;
  /** JSON object of the project's intake settings (migration 3). */
  settings: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ReportsTable {
  id: string;
  project: string;
  title: string;
  body: string;
  reporter_name: string | null;
  reporter_email: string | null;
  channel: string;
  format: string;
  content_hash: string;
  received_at: string;
  status: string;
  version: number;
  /** JSON text. */
  assessment: string | null;
  disposition: string | null;
  priority: number;
  /** JSON array of rule ids. */
  rules: string;
  embargo_until: string | null;
  duplicate_of: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportEventsTable {
  sequence: Generated<number>;
  report_id: string;
  kind: string;
  visibility: string;
  actor: string;
  at: string;
  body: string | null;
  from_status: string | null;
  to_status: string | null;
  /** JSON object. */
  data: string | null;
}

interface ReportAccessTokensTable {
  token_hash: string;
  report_id: string;
  role: string;
  created_at: string;
  revoked_at: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  name: string;
  user_id: string;
  created_at: string;
  revoked_at: string | null;
}

interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

interface DuplicateDocumentsTable {
  project: string;
  id: string;
  /** JSON of the DuplicateDocument. */
  document: string;
  /** Order of first save within the project: the index is rebuilt in arrival order. */
  position: number;
  updated_at: string;
}

/** One draft advisory per report (the report heading a duplicate cluster), migration 4. */
export interface AdvisoryDraftsTable {
  report_id: string;
  /** JSON of the advisory model (core/model/advisory.ts). */
  advisory: string;
  version: number;
  created_at: string;
  updated_at: string;
}

interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface StoreTables {
  projects: ProjectsTable;
  reports: ReportsTable;
  report_events: ReportEventsTable;
  report_access_tokens: ReportAccessTokensTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  duplicate_documents: DuplicateDocumentsTable;
  advisory_drafts: AdvisoryDraftsTable;
  schema_migrations: SchemaMigrationsTable;
}
