// Renders one report spec in the writing styles strangers really use: Markdown headings, bold
// labels, plain `Label: value` lines, lower-case labels, one paragraph, e-mail, HackerOne and
// GitHub-advisory JSON, emoji-decorated AI prose, front matter and a forwarded reply thread.
// Pure: returns text, writes nothing.

import { renderEmail, renderGithubAdvisory, renderHackerOneReport } from './render-envelopes.js';
import {
  classifyLabel,
  formatDay,
  formatReporter,
  isOneLine,
  type ReportSpec,
  type SpecSection,
} from './report-spec.js';

export const reportStyles = [
  'markdown-headings',
  'bold-labels',
  'plain-labels',
  'lower-case-labels',
  'one-paragraph',
  'email',
  'hackerone-json',
  'github-advisory-json',
  'emoji-ai',
  'front-matter',
  'reply-thread',
] as const;

export type ReportStyle = (typeof reportStyles)[number];

export interface RenderedReport {
  style: ReportStyle;
  /** The file extension the intake routes by: `.md`, `.txt`, `.eml` or `.json`. */
  extension: '.md' | '.txt' | '.eml' | '.json';
  text: string;
}

/** Renders the spec in one style. The canonical rendering is `markdown-headings`. */
export function renderReport(spec: ReportSpec, style: ReportStyle): RenderedReport {
  switch (style) {
    case 'markdown-headings':
      return { style, extension: '.md', text: renderMarkdownHeadings(spec) };
    case 'bold-labels':
      return { style, extension: '.md', text: renderBoldLabels(spec) };
    case 'plain-labels':
      return { style, extension: '.txt', text: renderPlainLabels(spec, { lowerCase: false }) };
    case 'lower-case-labels':
      return { style, extension: '.txt', text: renderPlainLabels(spec, { lowerCase: true }) };
    case 'one-paragraph':
      return { style, extension: '.txt', text: renderOneParagraph(spec) };
    case 'email':
      return { style, extension: '.eml', text: renderEmail(spec, renderMailBody(spec)) };
    case 'hackerone-json':
      return { style, extension: '.json', text: renderHackerOneReport(spec) };
    case 'github-advisory-json':
      return { style, extension: '.json', text: renderGithubAdvisory(spec) };
    case 'emoji-ai':
      return { style, extension: '.md', text: renderEmojiAi(spec) };
    case 'front-matter':
      return { style, extension: '.md', text: renderFrontMatter(spec) };
    case 'reply-thread':
      return { style, extension: '.txt', text: renderReplyThread(spec) };
  }
}

/** `Reporter:` and `Date:` lines, as people put them under a title. */
function metadataLines(spec: ReportSpec): string[] {
  const lines: string[] = [];
  if (spec.reporter) lines.push(`Reporter: ${formatReporter(spec.reporter)}`);
  if (spec.date) lines.push(`Date: ${formatDay(spec.date)}`);
  return lines;
}

function joinBlocks(blocks: readonly string[]): string {
  return `${blocks.filter((block) => block.trim() !== '').join('\n\n')}\n`;
}

function renderMarkdownHeadings(spec: ReportSpec): string {
  return joinBlocks([
    `# ${spec.title}`,
    metadataLines(spec).join('\n'),
    ...spec.sections.map((section) => `## ${section.label}\n\n${section.text}`),
  ]);
}

function renderBoldLabels(spec: ReportSpec): string {
  return joinBlocks([
    `# ${spec.title}`,
    metadataLines(spec)
      .map((line) => line.replace(/^(\w+):/, '**$1:**'))
      .join('\n'),
    ...spec.sections.map((section) =>
      isOneLine(section.text)
        ? `**${section.label}:** ${section.text}`
        : `**${section.label}:**\n\n${section.text}`,
    ),
  ]);
}

/** Casual lower-case labels people type in plain-text mail ("to reproduce:", "version:"). */
const casualLabels: Partial<Record<ReturnType<typeof classifyLabel>, string>> = {
  version: 'version',
  reproduction: 'to reproduce',
  'proof-of-concept': 'poc',
  patch: 'fix',
  'ai-disclosure': 'ai use',
};

function casualLabel(section: SpecSection): string {
  return casualLabels[classifyLabel(section.label)] ?? section.label.toLowerCase();
}

/** `Label: value` for one-liners, `Label:` above the text otherwise; no Markdown at all. */
function renderLabelledBlocks(sections: readonly SpecSection[], lowerCase: boolean): string[] {
  return sections.map((section) => {
    const label = lowerCase ? casualLabel(section) : section.label;
    return isOneLine(section.text) ? `${label}: ${section.text}` : `${label}:\n${section.text}`;
  });
}

function renderPlainLabels(spec: ReportSpec, options: { lowerCase: boolean }): string {
  const title = options.lowerCase ? spec.title.toLowerCase() : spec.title;
  const metadata = metadataLines(spec).map((line) =>
    options.lowerCase ? line.replace(/^\w+/, (label) => label.toLowerCase()) : line,
  );
  return joinBlocks([
    title,
    metadata.join('\n'),
    ...renderLabelledBlocks(spec.sections, options.lowerCase),
  ]);
}

/** Everything run together, labels inline, code fences dropped: how a hurried reporter writes. */
function renderOneParagraph(spec: ReportSpec): string {
  const parts = [
    `${spec.title.replace(/[.!?]*$/, '')}.`,
    ...metadataLines(spec).map((line) => `${line}.`),
    ...spec.sections.map((section) => `${section.label}: ${flattenText(section.text)}`),
  ];
  return `${parts.join(' ')}\n`;
}

function flattenText(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(?:```|~~~)/.test(line))
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** A plain-text mail body: greeting, labelled blocks, sign-off. */
function renderMailBody(spec: ReportSpec): string {
  const signature = spec.reporter?.name ? spec.reporter.name : 'a reporter';
  return joinBlocks([
    'Hello security team,',
    'I would like to report the following problem privately.',
    ...renderLabelledBlocks(spec.sections, false),
    `Regards,\n${signature}`,
  ]);
}

const emojiByKind: Record<ReturnType<typeof classifyLabel>, string> = {
  summary: '📋',
  details: '🔍',
  version: '📦',
  component: '🧩',
  reproduction: '🧪',
  'proof-of-concept': '💣',
  impact: '🚨',
  patch: '✅',
  severity: '⚠️',
  weakness: '🏷️',
  'ai-disclosure': '🤖',
  other: '📌',
};

/** The decorated style of chat assistants: emoji headings, bold labels, a cheerful closing. */
function renderEmojiAi(spec: ReportSpec): string {
  const blocks = spec.sections.map((section, index) => {
    const kind = classifyLabel(section.label);
    const emoji = emojiByKind[kind];
    if (kind === 'summary') return `## ${emoji} Overview\n\n${section.text}`;
    // Alternate heading and bold-label forms, as these reports do.
    return index % 2 === 0
      ? `## ${emoji} ${section.label}\n\n${section.text}`
      : `${emoji} **${section.label}**\n\n${section.text}`;
  });
  return joinBlocks([
    `# 🚨 ${spec.title}`,
    metadataLines(spec).join('\n'),
    ...blocks,
    '---\n\n✨ Thank you for your attention to this matter! 🙏',
  ]);
}

/** YAML front matter for the short fields, Markdown headings for the rest. */
function renderFrontMatter(spec: ReportSpec): string {
  const front = [`title: ${quoteYaml(spec.title)}`];
  if (spec.reporter) front.push(`reporter: ${quoteYaml(formatReporter(spec.reporter))}`);
  if (spec.date) front.push(`date: ${formatDay(spec.date)}`);
  const body: string[] = [];
  for (const section of spec.sections) {
    if (isOneLine(section.text) && classifyLabel(section.label) !== 'summary')
      front.push(`${toYamlKey(section.label)}: ${quoteYaml(section.text)}`);
    else body.push(`## ${section.label}\n\n${section.text}`);
  }
  return joinBlocks([`---\n${front.join('\n')}\n---`, ...body]);
}

function toYamlKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Plain YAML scalars stay bare; anything YAML would misread is double-quoted. */
function quoteYaml(value: string): string {
  const isPlain =
    /^[A-Za-z0-9(][^:#]*$/.test(value) &&
    !/[\s]$/.test(value) &&
    !/^(?:true|false|null|yes|no|on|off|~)$/i.test(value);
  return isPlain ? value : JSON.stringify(value);
}

/** A maintainer forwards the report: a new top message, the report quoted below with `> `. */
function renderReplyThread(spec: ReportSpec): string {
  const sender = spec.reporter ? formatReporter(spec.reporter) : 'the reporter';
  const when = spec.date ? `On ${formatDay(spec.date)}, ` : '';
  const quoted = renderMarkdownHeadings(spec)
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
  return joinBlocks([
    'Forwarding this report we received. Can someone from the security team take a look?',
    '-- \nSam (triage rotation)',
    `${when}${sender} wrote:\n${quoted}`,
  ]);
}
