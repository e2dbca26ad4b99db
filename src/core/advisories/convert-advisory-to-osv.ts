// Writes an advisory as an OSV record (https://ossf.github.io/osv-schema/). What OSV has no field
// for (the rest of the timeline, the embargo, fixed releases of GIT ranges, components, files,
// the project's own severity words) goes under `database_specific.thresher`, so that importing
// the record gives the same advisory back.

import type { Advisory, AdvisoryAffected, AdvisoryRangeEvent } from '../model/advisory.js';
import type { ParseIssue } from '../model/parse-result.js';
import { readRangeEvent } from './check-advisory-ranges.js';

/** The OSV schema version the export follows. */
const osvSchemaVersion = '1.7.0';

// The prefixes OSV's schema accepts for `id` (a registered database, or x_ for a private one).
const osvIdPattern =
  /^(?:x_|(?:ASB-A|PUB-A|ALPINE|ALSA|ALBA|ALEA|AZL|BELL|BIT|CGA|CLEANSTART|CLSA|CURL|CVE|DEBIAN|DHI|DRUPAL|DSA|DLA|ELA|DTSA|ECHO|EEF|FreeBSD|GHSA|GO|GSD|HSEC|JLSEC|KUBE|LBSEC|LSN|MAL|MINI|MGASA|OESA|OSEC|OSV|openSUSE-SU|PHSA|PSF|PYSEC|RHBA|RHEA|RHSA|RLSA|RXSA|RSEC|ROOT|RUSTSEC|SUSE-[SRFO]U|UBUNTU|USN|V8)-)/;

/** GitHub's severity words, as its OSV records carry them in `database_specific.severity`. */
export const githubSeverityWords = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MODERATE',
  low: 'LOW',
} as const;

type OsvRecord = Record<string, unknown>;

/** Problems that stop an OSV export before schema validation, naming the advisory's field. */
export function checkOsvExport(advisory: Advisory): ParseIssue[] {
  if (osvIdPattern.test(advisory.id)) return [];
  return [
    {
      path: 'id',
      message: `OSV ids start with a registered database prefix (GHSA-, CVE-, PYSEC-, GO-...) or x_ for a project's own; "${advisory.id}" has neither`,
    },
  ];
}

export function convertAdvisoryToOsv(advisory: Advisory): OsvRecord {
  const { severity, timeline } = advisory;
  const databaseSpecific: OsvRecord = {};
  if (advisory.cwes.length > 0) databaseSpecific.cwe_ids = advisory.cwes;
  if (severity.rating !== null && severity.rating !== 'none') {
    databaseSpecific.severity = githubSeverityWords[severity.rating];
  }
  databaseSpecific.thresher = {
    timeline: {
      reported: timeline.reported,
      acknowledged: timeline.acknowledged,
      fixed: timeline.fixed,
    },
    embargoUntil: advisory.embargoUntil,
    publisher: advisory.publisher,
    cna: advisory.cna,
    severity: { rating: severity.rating, text: severity.text },
  };
  return {
    schema_version: osvSchemaVersion,
    id: advisory.id,
    modified: advisory.modified,
    ...(timeline.published === null ? {} : { published: timeline.published }),
    ...(advisory.aliases.length > 0 ? { aliases: advisory.aliases } : {}),
    summary: advisory.summary,
    ...(advisory.details === '' ? {} : { details: advisory.details }),
    ...(severity.cvss.length > 0
      ? {
          severity: severity.cvss.map((vector) => ({
            type: vector.startsWith('CVSS:4') ? 'CVSS_V4' : 'CVSS_V3',
            score: vector,
          })),
        }
      : {}),
    affected: advisory.affected.map(convertAffected),
    ...(advisory.references.length > 0 ? { references: advisory.references } : {}),
    ...(advisory.credits.length > 0
      ? {
          credits: advisory.credits.map((credit) => ({
            name: credit.name,
            ...(credit.contact.length > 0 ? { contact: credit.contact } : {}),
            type: credit.type,
          })),
        }
      : {}),
    database_specific: databaseSpecific,
  };
}

function convertAffected(affected: AdvisoryAffected): OsvRecord {
  const pkg = affected.package;
  const thresher: OsvRecord = {
    fixedVersions: affected.fixedVersions,
    components: affected.components,
    files: affected.files,
  };
  // OSV names packages only inside an ecosystem; a C library is known by its GIT ranges.
  if (pkg.ecosystem === null) thresher.package = { name: pkg.name, purl: pkg.purl };
  return {
    ...(pkg.ecosystem === null
      ? {}
      : {
          package: {
            ecosystem: pkg.ecosystem,
            name: pkg.name,
            ...(pkg.purl === null ? {} : { purl: pkg.purl }),
          },
        }),
    ...(affected.ranges.length > 0
      ? {
          ranges: affected.ranges.map((range) => ({
            type: range.type,
            ...(range.repo === null ? {} : { repo: range.repo }),
            events: range.events.map(convertEvent),
          })),
        }
      : {}),
    ...(affected.versions.length > 0 ? { versions: affected.versions } : {}),
    ...(affected.functions.length > 0
      ? { ecosystem_specific: { affected_functions: affected.functions } }
      : {}),
    database_specific: { thresher },
  };
}

function convertEvent(event: AdvisoryRangeEvent): Record<string, string> {
  const { kind, version } = readRangeEvent(event);
  return { [kind === 'lastAffected' ? 'last_affected' : kind]: version };
}
