// Builds a SARIF 2.1.0 log (the format GitHub code scanning and other tools read) from rules and
// results; every command that reports findings on files prints it through this one function.

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: string;
  helpUri?: string;
}

interface SarifLocation {
  path: string;
  startLine?: number;
  endLine?: number;
}

interface SarifResult {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  locations: SarifLocation[];
  /** Extra machine-readable data (SARIF `properties`). */
  properties?: Record<string, unknown>;
}

export interface SarifLogInput {
  toolName: string;
  toolVersion: string;
  /** The tool's home page; left out of the log when the project has none to name. */
  informationUri?: string;
  rules: SarifRule[];
  results: SarifResult[];
}

const schemaUri = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative path as a URI reference: forward slashes, characters outside URIs escaped. */
function toUriReference(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function renderLocation(location: SarifLocation): Record<string, unknown> {
  const region: Record<string, number> = {};
  if (location.startLine !== undefined && location.startLine >= 1) {
    region.startLine = location.startLine;
    if (location.endLine !== undefined && location.endLine >= location.startLine)
      region.endLine = location.endLine;
  }
  return {
    physicalLocation: {
      artifactLocation: { uri: toUriReference(location.path) },
      ...(Object.keys(region).length > 0 ? { region } : {}),
    },
  };
}

export function renderSarifLog(input: SarifLogInput): string {
  const ruleIndex = new Map(input.rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: schemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.toolName,
            version: input.toolVersion,
            ...(input.informationUri ? { informationUri: input.informationUri } : {}),
            rules: input.rules.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.shortDescription },
              ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
            })),
          },
        },
        results: input.results.map((result) => ({
          ruleId: result.ruleId,
          ...(ruleIndex.has(result.ruleId) ? { ruleIndex: ruleIndex.get(result.ruleId) } : {}),
          level: result.level,
          message: { text: result.message },
          locations: result.locations.map(renderLocation),
          ...(result.properties ? { properties: result.properties } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
