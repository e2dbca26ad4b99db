// Splits an mbox file into its messages' bytes: a `From ` line at the start or after a blank
// line begins a message; `>From ` lines are unescaped one level (mboxrd).

const fromLine = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

export function isMbox(bytes: Uint8Array): boolean {
  return startsWithFrom(bytes, 0);
}

export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  const messages: Uint8Array[][] = [];
  let current: Uint8Array[] | null = null;
  let isPreviousBlank = true;
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline + 1;
    const line = bytes.subarray(start, end);
    if (isPreviousBlank && startsWithFrom(bytes, start)) {
      current = [];
      messages.push(current);
    } else if (current !== null) {
      current.push(isEscapedFrom(line) ? line.subarray(1) : line);
    }
    isPreviousBlank = line.length === 1 || (line.length === 2 && line[0] === 0x0d);
    start = end;
  }
  return messages.map(concatenate);
}

function startsWithFrom(bytes: Uint8Array, offset: number): boolean {
  return fromLine.every((byte, index) => bytes[offset + index] === byte);
}

/** `>From `, `>>From ` ... */
function isEscapedFrom(line: Uint8Array): boolean {
  let index = 0;
  while (line[index] === 0x3e) index += 1;
  return index > 0 && startsWithFrom(line, index);
}

function concatenate(lines: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(lines.reduce((total, line) => total + line.length, 0));
  let offset = 0;
  for (const line of lines) {
    result.set(line, offset);
    offset += line.length;
  }
  return result;
}
