// Keeps the measurement corpus consistent: every report has an expected verdict and every
// expectation names a real report, cited rules exist in the project's profile, second finders
// point at an earlier report, profiles load (or fail only on the keys proposed in issue 8, as the
// README says), and the split holds whole projects with about half of the reports in `measure`.
// It checks the corpus, never the triage engine's answers: accuracy lives in bench:triage.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isMbox, splitMbox } from '../../src/adapters/mail/split-mbox.js';
import {
  loadCorpusProfile,
  readCorpus,
  type CorpusProject,
  type ExpectedVerdict,
} from './read-corpus.js';

const projects = readCorpus();

/** Expected keys for the files: the file name, or `name#N` for each message of an mbox. */
function listReportKeys(project: CorpusProject): string[] {
  return project.reportFiles.flatMap((name) => {
    const bytes = readFileSync(join(project.reportsDir, name));
    if (!name.endsWith('.mbox') || !isMbox(bytes)) return [name];
    return splitMbox(bytes).map((_, index) => `${name}#${index + 1}`);
  });
}

/** Every expected verdict, the `with-repo` ones too, keyed by report. */
function listVerdicts(project: CorpusProject): Array<[string, ExpectedVerdict]> {
  return [...project.expected].flatMap(([key, verdict]): Array<[string, ExpectedVerdict]> =>
    verdict.withRepo === undefined
      ? [[key, verdict]]
      : [
          [key, verdict],
          [key, verdict.withRepo],
        ],
  );
}

function listRuleIds(project: CorpusProject): Set<string> {
  const profile = parseYaml(readFileSync(project.profilePath, 'utf8')) as {
    'threat-model'?: { 'in-scope'?: { id: string }[]; 'out-of-scope'?: { id: string }[] };
  };
  const model = profile['threat-model'] ?? {};
  return new Set([...(model['in-scope'] ?? []), ...(model['out-of-scope'] ?? [])].map((r) => r.id));
}

describe('the measurement corpus', () => {
  it('has at least six projects and sixty reports', () => {
    const reports = projects.reduce((sum, project) => sum + project.expected.size, 0);
    expect(projects.length).toBeGreaterThanOrEqual(6);
    expect(reports).toBeGreaterThanOrEqual(60);
  });

  // The first two measured projects (axios, jq) were looked at while tuning, so fresh ones were
  // added blind (nghttp2 and c-ares, then urllib3 and libarchive, then express and libxml2, then
  // Pillow and undici, then SQLite and Vite, then ws and Tornado, then Mbed TLS and node-tar, then
  // tcpdump and Traefik, then Paramiko and HAProxy, then libgit2 and rust-openssl, then Rack and
  // Guzzle): the measure split is now 45% of the corpus (373 of 827 reports, with the tune
  // projects pyyaml, libpng, aiohttp, twisted, mosquitto, fastify, hyper, unbound, nats-server,
  // gpac, caddy, gogs, gunicorn, socket.io, ndpi, oauth2-proxy and asyncssh), within the bounds
  // below.
  it('holds out whole projects with about half of the reports', () => {
    const measure = projects.filter((project) => project.split === 'measure');
    const count = (list: CorpusProject[]): number =>
      list.reduce((sum, project) => sum + project.expected.size, 0);
    const share = count(measure) / count(projects);
    expect(measure.length).toBeGreaterThanOrEqual(2);
    expect(share).toBeGreaterThanOrEqual(0.35);
    expect(share).toBeLessThanOrEqual(0.65);
  });

  for (const project of projects) {
    describe(project.slug, () => {
      it('has exactly one expected verdict per report', () => {
        expect([...project.expected.keys()].sort()).toEqual(listReportKeys(project).sort());
      });

      it('cites only rules its profile declares', () => {
        const ids = listRuleIds(project);
        const unknown = listVerdicts(project).flatMap(([, verdict]) =>
          (verdict.rules ?? []).filter((rule) => !ids.has(rule)),
        );
        expect(unknown).toEqual([]);
      });

      it('gives each disposition the fields it needs (with the repository too)', () => {
        for (const [key, verdict] of listVerdicts(project)) {
          const where = `${project.slug}/${key}`;
          if (verdict.disposition === 'needs-info')
            expect(verdict.missing?.length, where).toBeGreaterThan(0);
          if (['in-scope', 'out-of-scope', 'needs-review'].includes(verdict.disposition))
            expect(verdict.rules?.length, where).toBeGreaterThan(0);
          if (verdict.disposition === 'needs-review')
            expect(verdict.rules?.length, where).toBeGreaterThanOrEqual(2);
          expect(verdict.disposition === 'duplicate', where).toBe(
            verdict.duplicateOf !== undefined,
          );
        }
      });

      it('points second finders at an earlier report', () => {
        const keys = listReportKeys(project);
        for (const [key, verdict] of listVerdicts(project)) {
          if (verdict.duplicateOf === undefined) continue;
          expect(keys.indexOf(verdict.duplicateOf), `${key}`).toBeGreaterThanOrEqual(0);
          expect(keys.indexOf(verdict.duplicateOf), `${key}`).toBeLessThan(keys.indexOf(key));
        }
      });

      it('has a profile that loads', async () => {
        const loaded = await loadCorpusProfile(project);
        expect(loaded.ok ? null : loaded.reason).toBeNull();
      });
    });
  }
});
