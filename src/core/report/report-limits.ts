// Limits that keep report parsing fast and safe on hostile input; documented in
// docs/report-formats.md, where the error messages they produce are listed.

export const reportLimits = {
  /** Longest report text accepted, in UTF-16 code units (10 MiB of ASCII). */
  maxTextLength: 10 * 1024 * 1024,
  /**
   * Headings are looked for in this many leading characters only; later text still belongs to
   * the body (and to the last section). Keeps hostile Markdown well under a second.
   */
  maxStructuredLength: 512 * 1024,
  /** Deepest JSON nesting accepted; real reports need 4 or 5 levels. */
  maxJsonDepth: 64,
  /** Titles are cut to this many UTF-16 code units. */
  maxTitleLength: 200,
  /** Only this many leading characters are searched for NUL bytes (binary content). */
  binarySniffLength: 8 * 1024,
} as const;
