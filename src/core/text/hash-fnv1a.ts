// FNV-1a over a string's UTF-16 code units, 32 bits unsigned: the hash of the severity model's
// feature table (its file is built with it), of the dependency guard's name table and of
// duplicate shingles.

export function hashFnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}
