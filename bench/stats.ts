/**
 * The few statistics a benchmark needs: the median of repeated runs and how
 * far they spread. Runs on a shared two-core machine are noisy, so figures
 * are medians, never means, and always shown with their spread.
 */

/** The middle of a set of runs and how far they spread. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** First quartile. */
  q1: number;
  /** Third quartile. */
  q3: number;
  runs: number;
}

/**
 * The `q` quantile (0 to 1) of `values`, interpolated linearly between the
 * two nearest ranks (the method of R's default `quantile` and of
 * spreadsheets' `PERCENTILE.INC`).
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of no values');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is not between 0 and 1`);
  if (values.some((value) => !Number.isFinite(value))) throw new RangeError('quantile of a value that is not finite');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: median(values),
    min: quantile(values, 0),
    max: quantile(values, 1),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    runs: values.length,
  };
}
