// `thresher init [DIR]`: asks a few questions (or takes flags and --yes), then writes
// security-profile.yml and the documents rendered from it, never overwriting without --force.

import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validRange } from 'semver';
import { findGithubUrl, InputError, type InitAnswers } from '../../core/index.js';
import type { Services } from '../../create-services.js';
import { renderFileDiff } from '../../presenters/render-file-diff.js';
import type { PlannedFile } from '../../services/init-readiness.js';
import { createAsker, type Asker, type Question } from '../ask-questions.js';
import { exitCodes, type CliIo } from '../cli-io.js';
import { sanitizeForTerminal } from '../../core/index.js';

const initHelp = `Usage: thresher init [DIR] [options]

Write security-profile.yml and the files rendered from it: SECURITY.md, AI_POLICY.md,
.well-known/security.txt, a security section in AGENTS.md, .github/ISSUE_TEMPLATE/config.yml
and .github/pull_request_template.md. On a terminal it asks for what the flags do not give;
otherwise (or with --yes) it uses the flags and defaults. An existing valid security-profile.yml
is kept and is the source of the documents. A file that exists and would change is shown as a
diff and left alone unless --force is given.

Arguments:
  DIR                      the project folder (default: the current folder; created if missing)

Options:
      --name NAME          project name (default: the folder name)
      --repository URL     repository URL; a github.com one enables GitHub links
      --email ADDRESS      security contact address
      --contact-url URL    an https page or form that takes reports
      --github-pvr yes|no  offer GitHub private vulnerability reporting (default: yes)
      --supported RANGE    a semver range of supported versions (repeatable; default: all)
      --acknowledge-days N days to acknowledge a report (default 3)
      --triage-days N      days to triage (default 14)
      --disclosure-days N  days to disclosure (default 90)
      --ai-disclosure V    required (default), recommended or optional
      --website URL        the project's https website (security.txt Canonical)
      --languages LIST     comma-separated languages for security.txt (default: en)
  -y, --yes                ask nothing; use flags and defaults
      --force              overwrite files that exist and differ
      --dry-run            show what would change; write nothing
  -h, --help               show this help

Exit status: 0 done; 1 a file that differs was left alone (rerun with --force); 2 bad usage.
`;

const options = {
  name: { type: 'string' },
  repository: { type: 'string' },
  email: { type: 'string' },
  'contact-url': { type: 'string' },
  'github-pvr': { type: 'string' },
  supported: { type: 'string', multiple: true },
  'acknowledge-days': { type: 'string' },
  'triage-days': { type: 'string' },
  'disclosure-days': { type: 'string' },
  'ai-disclosure': { type: 'string' },
  website: { type: 'string' },
  languages: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof options; allowPositionals: true }>
>['values'];
type Parse<Value> = Question<Value>['parse'];

const parseText: Parse<string> = (answer) =>
  answer === '' ? { error: 'an answer is needed' } : { value: answer };
const parseOptional: Parse<string | undefined> = (answer) => ({
  value: answer === '' || answer === '-' ? undefined : answer,
});
const parseEmail: Parse<string | undefined> = (answer) =>
  answer === '' || answer === '-'
    ? { value: undefined }
    : /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(answer)
      ? { value: answer }
      : { error: `"${answer}" is not an email address` };
const parseHttps: Parse<string | undefined> = (answer) =>
  answer === '' || answer === '-'
    ? { value: undefined }
    : /^https:\/\/[^\s]+$/.test(answer)
      ? { value: answer }
      : { error: `"${answer}" is not an https:// URL` };
const parseYesNo: Parse<boolean> = (answer) =>
  /^(?:y|yes)$/i.test(answer)
    ? { value: true }
    : /^(?:n|no)$/i.test(answer)
      ? { value: false }
      : { error: 'answer yes or no' };
const parseDays: Parse<number> = (answer) =>
  /^\d{1,4}$/.test(answer)
    ? { value: Number(answer) }
    : { error: `"${answer}" is not a whole number of days` };
/** `a, b ,c` -> [a, b, c]: split and trimmed without a regex, so any answer costs one pass. */
function splitList(answer: string): string[] {
  return answer
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const parseRanges: Parse<string[]> = (answer) => {
  const ranges = answer === '' || answer === '-' ? [] : splitList(answer);
  const bad = ranges.find((range) => validRange(range) === null);
  return bad === undefined ? { value: ranges } : { error: `"${bad}" is not a semver range` };
};
const parseDisclosure: Parse<InitAnswers['aiDisclosure']> = (answer) =>
  answer === 'required' || answer === 'recommended' || answer === 'optional'
    ? { value: answer }
    : { error: 'answer required, recommended or optional' };
const parseLanguages: Parse<string[]> = (answer) => {
  const tags = splitList(answer);
  return tags.length > 0 && tags.every((tag) => /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag))
    ? { value: tags }
    : { error: 'give language tags such as en or en, de' };
};

/** Takes a flag's value (validated like an answer), else asks, else uses the fallback. */
async function answer<Value>(
  asker: Asker | undefined,
  flag: string | undefined,
  flagName: string,
  question: Question<Value>,
): Promise<Value> {
  if (flag !== undefined) {
    const parsed = question.parse(flag);
    if ('error' in parsed) throw new InputError(`--${flagName}: ${parsed.error}`);
    return parsed.value;
  }
  if (asker !== undefined) return asker.ask(question);
  const parsed = question.parse(question.fallback);
  if ('error' in parsed) throw new InputError(`--${flagName} is needed: ${parsed.error}`);
  return parsed.value;
}

async function collectAnswers(
  values: Values,
  dir: string,
  asker: Asker | undefined,
  hasProfile: boolean,
): Promise<InitAnswers> {
  // With an existing profile only the security.txt details are asked; the profile is the source.
  const profileAsker = hasProfile ? undefined : asker;
  const projectName = await answer(profileAsker, values.name, 'name', {
    text: 'Project name',
    fallback: basename(resolve(dir)),
    parse: parseText,
  });
  const repository = await answer(profileAsker, values.repository, 'repository', {
    text: 'Repository URL (- for none)',
    fallback: '',
    parse: parseOptional,
  });
  const email = await answer(profileAsker, values.email, 'email', {
    text: 'Security contact email (- for none)',
    fallback: '',
    parse: parseEmail,
  });
  const githubPvr = await answer(profileAsker, values['github-pvr'], 'github-pvr', {
    text: 'Offer GitHub private vulnerability reporting? (yes/no)',
    fallback: 'yes',
    parse: parseYesNo,
  });
  const contactUrl = await answer(profileAsker, values['contact-url'], 'contact-url', {
    text: 'Report form URL (https, - for none)',
    fallback: '',
    parse: parseHttps,
  });
  const supportedVersions = await answer(profileAsker, values.supported?.join(','), 'supported', {
    text: 'Supported versions (semver ranges, comma-separated; empty = all)',
    fallback: '',
    parse: parseRanges,
  });
  const acknowledgeDays = await answer(
    profileAsker,
    values['acknowledge-days'],
    'acknowledge-days',
    { text: 'Days to acknowledge a report', fallback: '3', parse: parseDays },
  );
  const triageDays = await answer(profileAsker, values['triage-days'], 'triage-days', {
    text: 'Days to triage a report',
    fallback: '14',
    parse: parseDays,
  });
  const disclosureDays = await answer(profileAsker, values['disclosure-days'], 'disclosure-days', {
    text: 'Days to coordinated disclosure',
    fallback: '90',
    parse: parseDays,
  });
  const aiDisclosure = await answer(profileAsker, values['ai-disclosure'], 'ai-disclosure', {
    text: 'AI disclosure in reports (required/recommended/optional)',
    fallback: 'required',
    parse: parseDisclosure,
  });
  const website = await answer(asker, values.website, 'website', {
    text: 'Project website for security.txt (https, - for none)',
    fallback: '',
    parse: parseHttps,
  });
  const languages = await answer(asker, values.languages, 'languages', {
    text: 'Languages reports may be written in',
    fallback: 'en',
    parse: parseLanguages,
  });
  const hasGithubPvr = githubPvr && findGithubUrl(repository) !== undefined;
  if (!hasProfile && email === undefined && contactUrl === undefined && !hasGithubPvr) {
    throw new InputError(
      'init needs a private contact: --email, --contact-url, or a github.com --repository with --github-pvr yes',
    );
  }
  return {
    projectName,
    repository,
    email,
    contactUrl,
    githubPvr,
    supportedVersions,
    acknowledgeDays,
    triageDays,
    disclosureDays,
    aiDisclosure,
    website,
    languages,
  };
}

export async function runInitCommand(
  args: string[],
  io: CliIo,
  services: Services,
): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  if (values.help) {
    io.stdout(initHelp);
    return exitCodes.ok;
  }
  if (positionals.length > 1) throw new InputError('init takes one DIR (see thresher init --help)');
  const dir = positionals[0] ?? '.';
  const isInteractive = values.yes !== true && io.stdin?.isTTY === true;
  const asker = isInteractive && io.stdin !== undefined ? createAsker(io, io.stdin) : undefined;
  try {
    const hasProfile = await services.init.hasProfile(dir);
    const answers = await collectAnswers(values, dir, asker, hasProfile);
    const plan = await services.init.plan({ dir, answers, now: new Date() });
    if (plan.usesExistingProfile)
      io.stdout('Using the existing security-profile.yml as the source.\n');
    return await writePlan(io, services, plan.files, plan, {
      force: values.force === true,
      dryRun: values['dry-run'] === true,
    });
  } finally {
    asker?.close();
  }
}

async function writePlan(
  io: CliIo,
  services: Services,
  files: readonly PlannedFile[],
  plan: Parameters<Services['init']['write']>[0],
  flags: { force: boolean; dryRun: boolean },
): Promise<number> {
  const print = (text: string) => io.stdout(sanitizeForTerminal(text));
  for (const file of files) {
    if (file.action === 'unchanged') print(`unchanged  ${file.path}\n`);
    else if (file.action === 'create' && !flags.dryRun) print(`create     ${file.path}\n`);
    else {
      const verb =
        file.action === 'create'
          ? 'create'
          : flags.force && !flags.dryRun
            ? 'overwrite'
            : 'differs';
      print(
        `${verb.padEnd(10)} ${file.path}\n${renderFileDiff(file.path, file.previous, file.content)}`,
      );
    }
  }
  if (flags.dryRun) {
    io.stdout('Dry run: nothing written.\n');
    return exitCodes.ok;
  }
  await services.init.write(plan, { overwrite: flags.force });
  const leftAlone = files.filter((file) => file.action === 'update' && !flags.force);
  if (leftAlone.length > 0) {
    io.stderr(
      `thresher: ${leftAlone.length} existing file(s) differ and were left alone: ${leftAlone.map((file) => file.path).join(', ')} (rerun with --force to overwrite)\n`,
    );
    return exitCodes.checksFailed;
  }
  io.stdout(
    'Done. Next: edit security-profile.yml (components, rules), then run `thresher audit`.\n',
  );
  return exitCodes.ok;
}
