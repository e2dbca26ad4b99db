// Checks shared by the commands that read reports: a known --format, and at least one REPORT.

import { InputError } from '../core/triage.js';

/** The renderer for `--format`, or an InputError naming the formats the command knows. */
export function pickRenderer<Renderer>(
  format: string,
  renderers: Record<string, Renderer>,
): Renderer {
  const renderer = Object.hasOwn(renderers, format) ? renderers[format] : undefined;
  if (renderer === undefined) {
    const known = Object.keys(renderers).join(', ');
    throw new InputError(`unknown --format "${format}" (expected one of: ${known})`);
  }
  return renderer;
}

export function requireReportPaths(command: string, positionals: readonly string[]): void {
  if (positionals.length === 0) {
    throw new InputError(`${command} needs at least one REPORT file or folder`);
  }
}
