// Reduces an npm packument (the registry's JSON document for a package) to what the checks
// need, so a cache holds kilobytes instead of the megabytes some packuments weigh.

import type { PackageRecord, PackageVersionRecord } from '../model/package-record.js';
import type { ParseResult } from '../model/parse-result.js';

type Json = Record<string, unknown>;

const installScriptNames = ['preinstall', 'install', 'postinstall'] as const;
const maxVersions = 20_000;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readVersion(version: string, manifest: Json, time: Json): PackageVersionRecord {
  const scripts = isObject(manifest.scripts) ? manifest.scripts : {};
  const installScripts = installScriptNames.flatMap((name) =>
    typeof scripts[name] === 'string' ? [`${name}: ${scripts[name].slice(0, 200)}`] : [],
  );
  if (installScripts.length === 0 && manifest.hasInstallScript === true)
    installScripts.push('install scripts (the registry does not say which)');
  const publishedAt = time[version];
  return {
    version,
    ...(typeof publishedAt === 'string' ? { publishedAt } : {}),
    ...(typeof manifest.deprecated === 'string' && manifest.deprecated !== ''
      ? { deprecated: manifest.deprecated.slice(0, 500) }
      : {}),
    installScripts,
  };
}

export function summarizePackument(document: unknown): ParseResult<PackageRecord> {
  if (!isObject(document) || typeof document.name !== 'string')
    return { ok: false, issues: [{ message: 'not an npm packument (no "name")' }] };
  const time = isObject(document.time) ? document.time : {};
  const versions = isObject(document.versions) ? document.versions : {};
  const distTags: Record<string, string> = {};
  if (isObject(document['dist-tags'])) {
    for (const [tag, version] of Object.entries(document['dist-tags']))
      if (typeof version === 'string') distTags[tag] = version;
  }
  const records = Object.entries(versions)
    .slice(0, maxVersions)
    .map(([version, manifest]) => readVersion(version, isObject(manifest) ? manifest : {}, time));
  const unpublished = isObject(time.unpublished) ? time.unpublished.time : undefined;
  return {
    ok: true,
    value: {
      name: document.name,
      ...(typeof time.created === 'string' ? { createdAt: time.created } : {}),
      distTags,
      versions: records,
      ...(typeof unpublished === 'string' && records.length === 0
        ? { unpublishedAt: unpublished }
        : {}),
    },
  };
}
