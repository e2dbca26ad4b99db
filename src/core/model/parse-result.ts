// The shape every parser returns: a value, or every problem found with where it is.

export interface ParseIssue {
  message: string;
  /** 1-based line in the input, when the problem has a place. */
  line?: number;
  /** 1-based column in the input. */
  column?: number;
  /** Field path such as `threat-model.out-of-scope[2].when.impact`. */
  path?: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ParseIssue[] };
