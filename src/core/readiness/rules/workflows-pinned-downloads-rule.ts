// workflows.pinned-downloads: run steps do not execute what they download unverified, and
// package installs in CI are pinned (lockfile or hashes), as Scorecard's Pinned-Dependencies asks.

import type { Workflow } from '../parse-workflow.js';
import type { ReadinessRule } from '../readiness-rule.js';
import { checkEachWorkflow, stepsOf, type Finding } from '../workflow-facts.js';

const interpreter = String.raw`(?:sudo\s+(?:-\S+\s+)*)?(?:\S*\/)?(?:ba|z|k|da|fi)?sh|(?:\S*\/)?(?:python[0-9.]*|perl|ruby|node|php|pwsh|powershell|iex)`;
const pipeToInterpreter = new RegExp(
  String.raw`\b(?:curl|wget)\b[^|\n]{0,500}\|\s*(?:${interpreter})\b`,
  'i',
);
const substitution = /(?:<\(|\$\()\s*(?:curl|wget)\b/i;
const pinnedRawUrl = /raw\.githubusercontent\.com\/[^/\s]+\/[^/\s]+\/[a-f0-9]{40}\//i;
const npmInstall = /\bnpm\s+(?:install|i|install-test|update|add)\b/i;
const pipInstall = /\b(?:pip3?|python[0-9.]*\s+-m\s+pip)\s+install\b/i;
const goInstall = /\bgo\s+(?:install|get)\s+(?:-\S+\s+)*([^\s/]+\/\S+)/i;
const goPinned = /@(?:v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?|[a-f0-9]{40})$/i;

export const workflowsPinnedDownloadsRule: ReadinessRule = {
  id: 'workflows.pinned-downloads',
  category: 'workflows',
  title: 'No unpinned downloads run in CI',
  rule: {
    pass: 'No run step pipes or substitutes a curl/wget download into a shell or interpreter, and package installs are pinned.',
    warn: 'A run step installs packages without pinning: npm install/i/update (npm ci is pinned by the lockfile), pip install without --require-hashes, go install/get of a module without @vX.Y.Z or a commit hash.',
    fail: 'A run step runs a download directly: curl/wget ... | sh (bash, python, node ...), bash <(curl ...) or $(curl ...), unless the URL is raw.githubusercontent.com pinned to a commit.',
    skip: 'No readable workflows.',
  },
  fix: 'Download to a file, check its SHA-256 against a pinned value, then run it; use `npm ci`, `pip install --require-hashes -r requirements.txt`, `go install module@vX.Y.Z`.',
  anchors: ['Scorecard Pinned-Dependencies (downloadThenRun, npm, pip, go commands)'],
  reads: () => false,
  check: (context) =>
    checkEachWorkflow(context, findUnpinnedDownloads, 'no unpinned download is run'),
};

function findUnpinnedDownloads(workflow: Workflow): Finding[] {
  return stepsOf(workflow).flatMap(({ step }) => {
    const run = step.run;
    if (run === undefined) return [];
    return splitCommands(run.text).flatMap((command): Finding[] => {
      const line = run.lineOf(command.slice(0, 60));
      const short = command.length > 100 ? `${command.slice(0, 99)}…` : command;
      if (
        (pipeToInterpreter.test(command) || substitution.test(command)) &&
        !pinnedRawUrl.test(command)
      ) {
        return [{ status: 'fail', line, message: `runs a download without checking it: ${short}` }];
      }
      if (npmInstall.test(command))
        return [
          {
            status: 'warn',
            line,
            message: `npm install is not pinned to the lockfile (use npm ci): ${short}`,
          },
        ];
      if (
        pipInstall.test(command) &&
        !/--require-hashes/.test(command) &&
        !/^\S*pip3?\s+install(?:\s+\S+\.whl)+\s*$/.test(command)
      ) {
        return [
          { status: 'warn', line, message: `pip install without --require-hashes: ${short}` },
        ];
      }
      const module = goInstall.exec(command)?.[1];
      // A remote module path starts with a host name (`github.com/...`); `./cmd/x` is local.
      const isRemote = module !== undefined && /^[^.][^/]*\./.test(module);
      if (module !== undefined && isRemote && !goPinned.test(module))
        return [{ status: 'warn', line, message: `go module not pinned to a version: ${short}` }];
      return [];
    });
  });
}

/** Shell commands of a script: continuation lines joined, split at newlines, `&&`, `||` and `;`. */
function splitCommands(script: string): string[] {
  return script
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n|&&|\|\||;/)
    .map((command) => command.trim())
    .filter((command) => command !== '' && !command.startsWith('#'));
}
