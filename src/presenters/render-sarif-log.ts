// A generic SARIF 2.1.0 log: one run of one tool, its rules and its results with file and line
// locations. Shared by every command that offers `--format sarif`.

interface SarifRuleInput {
  id: string;
  name: string;
  shortDescription: string;
  helpUri?: string;
}

interface SarifLocationInput {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  startLine?: number;
  endLine?: number;
}

interface SarifResultInput {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  locations: SarifLocationInput[];
}

export interface SarifLogInput {
  toolName: string;
  toolVersion: string;
  informationUri: string;
  rules: SarifRuleInput[];
  results: SarifResultInput[];
}

const schemaUri = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The log as formatted JSON text. Rule ids of results must be among `rules`. */
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
            informationUri: input.informationUri,
            rules: input.rules.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.shortDescription },
              ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
            })),
          },
        },
        results: input.results.map((result) => ({
          ruleId: result.ruleId,
          ...(ruleIndex.has(result.ruleId) ? { ruleIndex: ruleIndex.get(result.ruleId) } : {}),
          level: result.level,
          message: { text: result.message },
          locations: result.locations.map(toLocation),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toLocation(location: SarifLocationInput) {
  const region =
    location.startLine === undefined
      ? undefined
      : {
          startLine: location.startLine,
          endLine: Math.max(location.endLine ?? location.startLine, location.startLine),
        };
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(location.path), uriBaseId: '%SRCROOT%' },
      ...(region === undefined ? {} : { region }),
    },
  };
}
