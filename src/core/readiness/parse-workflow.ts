// Reads a GitHub Actions workflow file into the few parts the audit rules look at (triggers,
// permissions, jobs, steps, containers), each with the line it is on. Uses the defensive YAML
// reader, so hostile nesting and alias bombs are refused, never expanded.

import { isMap, isScalar, isSeq } from 'yaml';
import type { LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { readYamlDocument } from '../yaml/read-yaml-document.js';

/** A scalar value with its line; `text` is the value as a string ('' for non-scalars). */
export interface Located {
  text: string;
  line: number;
  /** The line where `needle` appears inside the value's source, or the value's first line. */
  lineOf: (needle: string) => number;
}

export type Permissions =
  | { kind: 'all'; value: string; line: number }
  | { kind: 'scopes'; scopes: Map<string, Located>; line: number };

export interface WorkflowStep {
  line: number;
  uses?: Located;
  run?: Located;
  with: Map<string, Located>;
  env: Map<string, Located>;
  condition?: Located;
}

interface ContainerImage {
  image: Located;
  /** A literal (non-expression) password under `credentials`. */
  literalPassword?: Located;
}

export interface WorkflowJob {
  id: string;
  line: number;
  permissions?: Permissions;
  condition?: Located;
  /** A reusable workflow call. */
  uses?: Located;
  secretsInherit?: Located;
  with: Map<string, Located>;
  env: Map<string, Located>;
  images: ContainerImage[];
  steps: WorkflowStep[];
}

export interface Workflow {
  path: string;
  /** Trigger names (`push`, `pull_request_target` ...) with their lines. */
  triggers: Map<string, number>;
  permissions?: Permissions;
  env: Map<string, Located>;
  jobs: WorkflowJob[];
  /** The file's text. */
  source: string;
}

export type WorkflowReading =
  { ok: true; workflow: Workflow } | { ok: false; path: string; message: string; line: number };

interface Reader {
  source: string;
  lineCounter: LineCounter;
}

export function parseWorkflow(path: string, source: string): WorkflowReading {
  const { document, lineCounter, issues } = readYamlDocument(source);
  const firstIssue = issues[0];
  if (document === undefined || firstIssue !== undefined) {
    return {
      ok: false,
      path,
      message: firstIssue?.message ?? 'the YAML could not be read',
      line: firstIssue?.line ?? 1,
    };
  }
  const root = document.contents;
  if (!isMap(root)) return { ok: false, path, message: 'a workflow must be a mapping', line: 1 };
  const reader: Reader = { source, lineCounter };
  const jobsNode = valueOf(root, 'jobs');
  return {
    ok: true,
    workflow: {
      path,
      triggers: readTriggers(reader, valueOf(root, 'on')),
      permissions: readPermissions(reader, valueOf(root, 'permissions')),
      env: readStringMap(reader, valueOf(root, 'env')),
      jobs: isMap(jobsNode) ? jobsNode.items.flatMap((pair) => readJob(reader, pair)) : [],
      source,
    },
  };
}

function valueOf(map: YAMLMap, key: string): Node | null {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  return (pair?.value as Node | null | undefined) ?? null;
}

function lineAt(reader: Reader, offset: number): number {
  return reader.lineCounter.linePos(offset).line;
}

/** A scalar's value as text: strings, numbers and booleans as written, null as ''. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return '';
}

function locate(reader: Reader, node: Node): Located {
  const [start, end] = node.range ?? [0, 0];
  const text = isScalar(node) ? scalarText(node.value) : '';
  const line = lineAt(reader, start);
  return {
    text,
    line,
    lineOf: (needle) => {
      const at = reader.source.indexOf(needle, start);
      return at >= 0 && at < end ? lineAt(reader, at) : line;
    },
  };
}

function readTriggers(reader: Reader, node: Node | null): Map<string, number> {
  const triggers = new Map<string, number>();
  if (node === null) return triggers;
  if (isScalar(node)) triggers.set(String(node.value), locate(reader, node).line);
  if (isSeq(node)) {
    for (const item of node.items) {
      if (isScalar(item)) triggers.set(String(item.value), locate(reader, item).line);
    }
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key)) triggers.set(String(pair.key.value), locate(reader, pair.key).line);
    }
  }
  return triggers;
}

function readPermissions(reader: Reader, node: Node | null): Permissions | undefined {
  if (node === null) return undefined;
  const line = locate(reader, node).line;
  if (isScalar(node)) return { kind: 'all', value: scalarText(node.value), line };
  if (isMap(node)) return { kind: 'scopes', scopes: readStringMap(reader, node), line };
  return undefined;
}

function readStringMap(reader: Reader, node: Node | null): Map<string, Located> {
  const map = new Map<string, Located>();
  if (!isMap(node)) return map;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const value = pair.value as Node | null;
    map.set(
      String(pair.key.value),
      value === null ? locate(reader, pair.key) : locate(reader, value),
    );
  }
  return map;
}

function readOptional(reader: Reader, map: YAMLMap, key: string): Located | undefined {
  const node = valueOf(map, key);
  return node === null ? undefined : locate(reader, node);
}

function readJob(reader: Reader, pair: Pair): WorkflowJob[] {
  const node = pair.value as Node | null;
  if (!isScalar(pair.key) || !isMap(node)) return [];
  const secrets = valueOf(node, 'secrets');
  const stepsNode = valueOf(node, 'steps');
  return [
    {
      id: String(pair.key.value),
      line: locate(reader, pair.key).line,
      permissions: readPermissions(reader, valueOf(node, 'permissions')),
      condition: readOptional(reader, node, 'if'),
      uses: readOptional(reader, node, 'uses'),
      secretsInherit:
        isScalar(secrets) && secrets.value === 'inherit' ? locate(reader, secrets) : undefined,
      with: readStringMap(reader, valueOf(node, 'with')),
      env: readStringMap(reader, valueOf(node, 'env')),
      images: readImages(reader, node),
      steps: isSeq(stepsNode)
        ? stepsNode.items.flatMap((step) => (isMap(step) ? [readStep(reader, step)] : []))
        : [],
    },
  ];
}

function readStep(reader: Reader, node: YAMLMap): WorkflowStep {
  return {
    line: locate(reader, node).line,
    uses: readOptional(reader, node, 'uses'),
    run: readOptional(reader, node, 'run'),
    with: readStringMap(reader, valueOf(node, 'with')),
    env: readStringMap(reader, valueOf(node, 'env')),
    condition: readOptional(reader, node, 'if'),
  };
}

function readImages(reader: Reader, job: YAMLMap): ContainerImage[] {
  const images: ContainerImage[] = [];
  const container = valueOf(job, 'container');
  if (container !== null) images.push(...readImage(reader, container));
  const services = valueOf(job, 'services');
  if (isMap(services)) {
    for (const service of services.items) images.push(...readImage(reader, service.value as Node));
  }
  return images;
}

function readImage(reader: Reader, node: Node | null): ContainerImage[] {
  if (node === null) return [];
  if (isScalar(node)) return [{ image: locate(reader, node) }];
  if (!isMap(node)) return [];
  const image = valueOf(node, 'image');
  if (!isScalar(image)) return [];
  const credentials = valueOf(node, 'credentials');
  const password = isMap(credentials) ? valueOf(credentials, 'password') : null;
  const literalPassword =
    isScalar(password) && !scalarText(password.value).includes('${{')
      ? locate(reader, password)
      : undefined;
  return [{ image: locate(reader, image), literalPassword }];
}
