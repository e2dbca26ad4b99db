// Finds the line of object keys in JSON text in one linear pass, since JSON.parse keeps no
// positions. The caller sees every key with the keys of the containers around it.

/**
 * Calls `onKey` for every object key, in order, with `parents`: the keys under which each
 * enclosing container sits, from the root down ('' for the root and for array elements).
 * The text is assumed to have parsed as JSON already.
 */
export function locateJsonKeys(
  text: string,
  onKey: (parents: readonly string[], key: string, line: number) => void,
): void {
  const parents: string[] = [];
  const isObject: boolean[] = [];
  let pendingKey = '';
  let line = 1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      line += 1;
    } else if (code === 0x22) {
      const end = findStringEnd(text, index);
      if (isObject[isObject.length - 1] === true && isFollowedByColon(text, end + 1)) {
        const raw = text.slice(index + 1, end);
        pendingKey = raw.includes('\\') ? decodeJsonString(raw) : raw;
        onKey(parents, pendingKey, line);
      }
      index = end;
    } else if (code === 0x7b || code === 0x5b) {
      parents.push(pendingKey);
      isObject.push(code === 0x7b);
      pendingKey = '';
    } else if (code === 0x7d || code === 0x5d) {
      parents.pop();
      isObject.pop();
      pendingKey = '';
    } else if (code === 0x2c) {
      pendingKey = '';
    }
  }
}

function findStringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) index += 2;
    else if (code === 0x22 || code === 0x0a) return index;
    else index += 1;
  }
  return text.length;
}

function isFollowedByColon(text: string, start: number): boolean {
  for (let index = start; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x3a) return true;
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0x0a) return false;
  }
  return false;
}

function decodeJsonString(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
