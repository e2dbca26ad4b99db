// Where a byte sequence stops being UTF-8: the intake names the offending byte so that a user can
// find it (a Latin-1 accented letter, a UTF-16 file without its BOM).

/**
 * The offset where the first ill-formed UTF-8 sequence starts (overlong forms, surrogates and code
 * points above U+10FFFF are ill-formed), or null. A leading BOM is valid UTF-8.
 */
export function findInvalidUtf8(bytes: Uint8Array): number | null {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let offset = 1; offset < length; offset += 1) {
      const byte = bytes[index + offset];
      const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
      // The offending sequence is reported by its first byte: for Latin-1 text, the accented letter.
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return null;
}
