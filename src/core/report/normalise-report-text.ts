// Normalises report text before anything else looks at it, so every span refers to one form of
// the text: no byte-order mark, and `\n` as the only line break.

const byteOrderMark = '\uFEFF';

/** Strips a leading byte-order mark and turns CRLF and lone CR into LF. */
export function normaliseReportText(text: string): string {
  const withoutBom = text.startsWith(byteOrderMark) ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}
