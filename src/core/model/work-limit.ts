// A bound on the work done for one report that was reached: the output says so, so a reader knows
// that part of a (usually hostile or enormous) report was not read.

export interface WorkLimit {
  /** Which stage stopped early. */
  scope: 'structure' | 'facts' | 'claims' | 'matching';
  /** The bound that was reached. */
  limit: number;
  /** One line for humans, e.g. `only the first 500 "function" facts were kept (12 more were not read)`. */
  message: string;
}
