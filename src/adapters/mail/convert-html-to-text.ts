// Turns an HTML-only e-mail body into plain text: one linear scan that drops tags, scripts,
// styles and comments, keeps block breaks and headings (as `#` lines), and decodes entities.

const blockTags = new Set([
  'address',
  'article',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);
const hiddenTags = new Set(['script', 'style', 'head', 'template', 'noscript', 'title']);
const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

export function convertHtmlToText(html: string): string {
  const out: string[] = [];
  let position = 0;
  let preDepth = 0;
  const pushText = (text: string): void => {
    if (preDepth > 0) {
      out.push(decodeEntities(text));
      return;
    }
    // Outside <pre>, source line breaks and indentation are only spacing.
    const last = out[out.length - 1] ?? '\n';
    const collapsed = text.replace(/\s+/g, ' ');
    const spaced = last.endsWith('\n') || last.endsWith(' ') ? collapsed.trimStart() : collapsed;
    if (spaced !== '') out.push(decodeEntities(spaced));
  };
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open === -1) {
      pushText(html.slice(position));
      break;
    }
    pushText(html.slice(position, open));
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      position = close === -1 ? html.length : close + 3;
      continue;
    }
    const name = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(open, open + 40));
    const close = html.indexOf('>', open + 1);
    if (name === null || close === -1) {
      // A lone `<` (as in `a < b`) is text.
      pushText('<');
      position = open + 1;
      continue;
    }
    const isClosing = name[1] === '/';
    const tag = (name[2] ?? '').toLowerCase();
    position = close + 1;
    if (!isClosing && hiddenTags.has(tag)) {
      const end = new RegExp(`</${tag}\\s*>`, 'gi');
      end.lastIndex = position;
      position = end.exec(html) === null ? html.length : end.lastIndex;
      continue;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading !== null) out.push(isClosing ? '\n\n' : `\n\n${'#'.repeat(Number(heading[1]))} `);
    else if (tag === 'li' && !isClosing) out.push('\n- ');
    else if (tag === 'pre') {
      preDepth = Math.max(0, preDepth + (isClosing ? -1 : 1));
      out.push('\n\n');
    } else if (tag === 'p' || tag === 'blockquote' || tag === 'table') out.push('\n\n');
    else if (blockTags.has(tag)) out.push('\n');
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8}|#39);/gi, (entity, body: string) => {
    const lower = body.toLowerCase();
    const named = namedEntities[lower];
    if (named !== undefined) return named;
    if (!lower.startsWith('#')) return entity;
    const code = lower.startsWith('#x')
      ? Number.parseInt(lower.slice(2), 16)
      : Number.parseInt(lower.slice(1), 10);
    const isScalar = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return isScalar ? String.fromCodePoint(code) : '\uFFFD';
  });
}
