// People and access: maintainers, API tokens and sessions, and the per-report tokens of
// reporters and guests. Raw tokens are shown once and found again only by the same token.

import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../src/core/index.js';
import type { ContractFixture } from './describe-report-store-contract.js';
import { buildNewReport, profileYaml } from './store-under-test.js';

const passwordHash = '$scrypt$ln=17,r=8,p=1$c2FsdA$aGFzaA';

export function describeAccessContract(fixture: ContractFixture): void {
  describe('people and access', () => {
    it('adds maintainers by e-mail address, case-insensitively unique', async () => {
      const { store } = fixture;
      const user = await store.people.addUser({
        email: 'Alice@Example.org',
        role: 'maintainer',
        passwordHash,
      });
      expect(user).toMatchObject({ email: 'alice@example.org', role: 'maintainer', passwordHash });
      expect(await store.people.findUserByEmail('ALICE@example.org')).toEqual(user);
      expect(await store.people.getUser(user.id)).toEqual(user);
      expect(await store.people.getUser('u_missing')).toBeNull();
      await expect(
        store.people.addUser({ email: 'alice@example.ORG', role: 'maintainer', passwordHash }),
      ).rejects.toThrow(ConflictError);
      await store.people.setPasswordHash(user.id, 'new-hash');
      expect((await store.people.getUser(user.id))?.passwordHash).toBe('new-hash');
      await expect(store.people.setPasswordHash('u_missing', 'x')).rejects.toThrow(NotFoundError);
      expect((await store.people.listUsers()).map((u) => u.email)).toEqual(['alice@example.org']);
    });

    it('creates API tokens shown once, finds them by token, and revokes them', async () => {
      const { store } = fixture;
      const user = await store.people.addUser({
        email: 'a@x.org',
        role: 'maintainer',
        passwordHash,
      });
      const { token, record } = await store.people.createApiToken({ userId: user.id, name: 'ci' });
      expect(token).toMatch(/^thr_api_[\w-]{43}$/);
      expect(record).toMatchObject({ name: 'ci', userId: user.id });
      expect(await store.people.findApiToken(token)).toEqual(record);
      expect(await store.people.findApiToken(`${token}x`)).toBeNull();
      expect(await store.people.findApiToken('x'.repeat(100_000))).toBeNull();
      expect(await store.people.listApiTokens(user.id)).toEqual([record]);
      await store.people.revokeApiToken(record.id);
      expect(await store.people.findApiToken(token)).toBeNull();
      expect(await store.people.listApiTokens(user.id)).toEqual([]);
      await expect(store.people.revokeApiToken(record.id)).rejects.toThrow(NotFoundError);
      await expect(
        store.people.createApiToken({ userId: 'u_missing', name: 'ci' }),
      ).rejects.toThrow(NotFoundError);
    });

    it('finds a session until it expires', async () => {
      const { store, clock } = fixture;
      const user = await store.people.addUser({
        email: 'a@x.org',
        role: 'maintainer',
        passwordHash,
      });
      const { token, record } = await store.people.createSession({
        userId: user.id,
        expiresAt: '2026-03-01T10:00:00Z',
      });
      const other = await store.people.createSession({
        userId: user.id,
        expiresAt: '2026-03-02T10:00:00Z',
      });
      expect(record).toEqual({
        userId: user.id,
        createdAt: '2026-03-01T09:00:00.000Z',
        expiresAt: '2026-03-01T10:00:00.000Z',
      });
      expect(await store.people.findSession(token)).toEqual(record);
      clock.advance(60 * 60 * 1000);
      expect(await store.people.findSession(token)).toBeNull();
      expect(await store.people.deleteExpiredSessions()).toBe(1);
      expect(await store.people.findSession(other.token)).toEqual(other.record);
      await store.people.deleteSession(other.token);
      expect(await store.people.findSession(other.token)).toBeNull();
    });

    it('gives reporters and invited guests access to one report only', async () => {
      const { store } = fixture;
      await store.projects.add({ name: 'zlib', profileYaml });
      const first = await store.reports.add(buildNewReport('zlib'));
      const second = await store.reports.add(buildNewReport('zlib', { body: 'other' }));
      const guest = await store.reports.issueAccessToken(first.report.id, 'guest', 'user:1');
      expect(await store.reports.findAccess(guest)).toEqual({
        reportId: first.report.id,
        role: 'guest',
      });
      expect(await store.reports.findAccess(second.reporterToken!)).toEqual({
        reportId: second.report.id,
        role: 'reporter',
      });
      expect(await store.reports.findAccess('thr_report_unknown')).toBeNull();
      expect(await store.reports.findAccess('')).toBeNull();
      await expect(store.reports.issueAccessToken('r_missing', 'guest', 'u')).rejects.toThrow(
        NotFoundError,
      );
      const log = await store.reports.listEvents(first.report.id, 'team');
      expect(log.at(-1)).toMatchObject({
        kind: 'access-granted',
        visibility: 'team',
        data: { role: 'guest' },
      });
      expect((await store.reports.listEvents(first.report.id, 'reporter')).length).toBe(1);
      const secondGuest = await store.reports.issueAccessToken(first.report.id, 'guest', 'user:1');
      expect(await store.reports.revokeAccess(first.report.id, 'guest', 'user:1')).toBe(2);
      expect(await store.reports.findAccess(guest)).toBeNull();
      expect(await store.reports.findAccess(secondGuest)).toBeNull();
      expect(await store.reports.findAccess(first.reporterToken!)).toEqual({
        reportId: first.report.id,
        role: 'reporter',
      });
      expect(await store.reports.revokeAccess(first.report.id, 'guest', 'user:1')).toBe(0);
      expect((await store.reports.listEvents(first.report.id, 'team')).at(-1)).toMatchObject({
        kind: 'access-revoked',
        data: { role: 'guest', count: 0 },
      });
      await expect(store.reports.revokeAccess('r_missing', 'guest', 'u')).rejects.toThrow(
        NotFoundError,
      );
    });
  });
}
