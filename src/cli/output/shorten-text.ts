// Folds whitespace and cuts text to a column width for terminal tables.

export function shortenText(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}
