// Tells an e-mail message (or an mbox of them) from a Markdown report by its opening lines, so
// the caller can route it to the mail adapter, which decodes MIME parts and charsets.

const distinctiveHeaders = new Set([
  'received',
  'message-id',
  'mime-version',
  'return-path',
  'delivered-to',
  'dkim-signature',
]);
const addressHeaders = new Set(['subject', 'date', 'to', 'cc', 'reply-to', 'content-type']);
const maxHeaderLines = 200;

/**
 * True for an mbox (`From ` first line) or a header block of RFC 5322 fields that ends in a
 * blank line and has a distinctive header (Received, Message-ID, MIME-Version...) or From with
 * Subject, Date or To. Markdown `Key: value` front lines rarely pass: keys with spaces fail.
 */
export function looksLikeEmail(text: string): boolean {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  if (text.startsWith('From ', start)) return true;
  const names = new Set<string>();
  let position = start;
  for (let count = 0; count < maxHeaderLines && position < text.length; count += 1) {
    const newline = text.indexOf('\n', position);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(position, Math.min(end, position + 1000)).replace(/\r$/, '');
    position = end + 1;
    if (line === '') break;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (count === 0) return false;
      continue;
    }
    const header = /^([!-9;-~]+):/.exec(line);
    if (header === null) return false;
    names.add((header[1] ?? '').toLowerCase());
  }
  if ([...names].some((name) => distinctiveHeaders.has(name))) return true;
  return names.has('from') && [...names].some((name) => addressHeaders.has(name));
}
