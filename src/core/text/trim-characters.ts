// Trims a set of characters from the ends of a string by scanning, never by an anchored regex:
// `/[.,;:]+$/` retries from every position and is quadratic on a long run of dots.

/** `text` without the trailing characters that are in `characters`. */
export function trimEndCharacters(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the leading characters that are in `characters`. */
export function trimStartCharacters(text: string, characters: string): string {
  let start = 0;
  while (start < text.length && characters.includes(text[start]!)) start += 1;
  return start === 0 ? text : text.slice(start);
}
