// Maintainers, their API tokens and their login sessions. Passwords arrive already hashed by the
// server (memory-hard); tokens are created here, returned once and kept only as SHA-256 hashes.

import type { Selectable } from 'kysely';
import { ConflictError, InputError, NotFoundError } from '../core/index.js';
import type { ApiTokenRecord, PeopleRecords, UserRecord } from '../services/ports.js';
import { checkNonEmptyText, checkTime, storedTextLimits } from './check-stored-text.js';
import { createId, createToken, hashText } from './create-secret.js';
import type { ApiTokensTable, UsersTable } from './report-store-tables.js';
import { isUniqueViolation, type StoreContext } from './store-context.js';

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    role: 'maintainer',
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

function toApiToken(
  row: Pick<Selectable<ApiTokensTable>, 'id' | 'name' | 'user_id' | 'created_at'>,
): ApiTokenRecord {
  return { id: row.id, name: row.name, userId: row.user_id, createdAt: row.created_at };
}

function checkEmail(email: unknown): string {
  return checkNonEmptyText('e-mail address', email, storedTextLimits.line).trim().toLowerCase();
}

/** A token longer than any we issue is not looked up (and not hashed at length). */
function isTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && token.length <= storedTextLimits.name;
}

export function createPeopleRecords(context: StoreContext): PeopleRecords {
  const requireUser = async (userId: string): Promise<void> => {
    const row = await context.read((db) =>
      db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(),
    );
    if (row === undefined) throw new NotFoundError(`no user with id "${userId}"`);
  };

  return {
    async addUser(user) {
      if (user.role !== 'maintainer')
        throw new InputError(`unknown user role "${String(user.role)}"`);
      const now = context.now();
      const row: UsersTable = {
        id: createId('u'),
        email: checkEmail(user.email),
        role: user.role,
        password_hash: checkNonEmptyText('password hash', user.passwordHash, storedTextLimits.line),
        created_at: now,
        updated_at: now,
      };
      try {
        await context.write((db) => db.insertInto('users').values(row).execute());
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`a user with the e-mail address ${row.email} already exists`, {
            cause: error,
          });
        }
        throw error;
      }
      return toUser(row);
    },

    async getUser(id) {
      const row = await context.read((db) =>
        db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
      );
      return row === undefined ? null : toUser(row);
    },

    async findUserByEmail(email) {
      const row = await context.read((db) =>
        db
          .selectFrom('users')
          .selectAll()
          .where('email', '=', checkEmail(email))
          .executeTakeFirst(),
      );
      return row === undefined ? null : toUser(row);
    },

    async listUsers() {
      const rows = await context.read((db) =>
        db.selectFrom('users').selectAll().orderBy('email').execute(),
      );
      return rows.map(toUser);
    },

    async setPasswordHash(userId, passwordHash) {
      const hash = checkNonEmptyText('password hash', passwordHash, storedTextLimits.line);
      const result = await context.write((db) =>
        db
          .updateTable('users')
          .set({ password_hash: hash, updated_at: context.now() })
          .where('id', '=', userId)
          .executeTakeFirst(),
      );
      if (Number(result.numUpdatedRows) === 0)
        throw new NotFoundError(`no user with id "${userId}"`);
    },

    async createApiToken({ userId, name }) {
      const row: ApiTokensTable = {
        id: createId('t'),
        token_hash: '',
        name: checkNonEmptyText('token name', name, storedTextLimits.name),
        user_id: userId,
        created_at: context.now(),
        revoked_at: null,
      };
      const token = createToken('api');
      row.token_hash = hashText(token);
      await requireUser(userId);
      await context.write((db) => db.insertInto('api_tokens').values(row).execute());
      return { token, record: toApiToken(row) };
    },

    async findApiToken(token) {
      if (!isTokenShaped(token)) return null;
      const row = await context.read((db) =>
        db
          .selectFrom('api_tokens')
          .select(['id', 'name', 'user_id', 'created_at'])
          .where('token_hash', '=', hashText(token))
          .where('revoked_at', 'is', null)
          .executeTakeFirst(),
      );
      return row === undefined ? null : toApiToken(row);
    },

    async listApiTokens(userId) {
      const rows = await context.read((db) =>
        db
          .selectFrom('api_tokens')
          .select(['id', 'name', 'user_id', 'created_at'])
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
      );
      return rows.map(toApiToken);
    },

    async revokeApiToken(id) {
      const result = await context.write((db) =>
        db
          .updateTable('api_tokens')
          .set({ revoked_at: context.now() })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst(),
      );
      if (Number(result.numUpdatedRows) === 0) {
        throw new NotFoundError(`no active API token with id "${id}"`);
      }
    },

    async createSession({ userId, expiresAt }) {
      const record = {
        userId,
        createdAt: context.now(),
        expiresAt: checkTime('expiresAt', expiresAt),
      };
      const token = createToken('session');
      await requireUser(userId);
      await context.write((db) =>
        db
          .insertInto('sessions')
          .values({
            token_hash: hashText(token),
            user_id: userId,
            created_at: record.createdAt,
            expires_at: record.expiresAt,
          })
          .execute(),
      );
      return { token, record };
    },

    async findSession(token) {
      if (!isTokenShaped(token)) return null;
      const row = await context.read((db) =>
        db
          .selectFrom('sessions')
          .selectAll()
          .where('token_hash', '=', hashText(token))
          .where('expires_at', '>', context.now())
          .executeTakeFirst(),
      );
      return row === undefined
        ? null
        : { userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at };
    },

    async deleteSession(token) {
      if (!isTokenShaped(token)) return;
      await context.write((db) =>
        db.deleteFrom('sessions').where('token_hash', '=', hashText(token)).execute(),
      );
    },

    async deleteExpiredSessions() {
      const result = await context.write((db) =>
        db.deleteFrom('sessions').where('expires_at', '<=', context.now()).executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
}
