/**
 * Interleaved rounds: the order of the contenders rotates from one round to the next, so
 * none is always measured first (or always right after the same neighbour), and a figure
 * is summarised as the median of its per-round values with their range.
 */
import { median } from './stats.js';

/** `items` rotated left by `round` places: round 0 keeps the order, round 1 starts at the second. */
export function rotation<T>(items: readonly T[], round: number): T[] {
  const shift = items.length === 0 ? 0 : round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

export interface Spread {
  /** Nearest-rank median of `values`. */
  median: number;
  min: number;
  max: number;
  /** One value per round, in round order. */
  values: number[];
}

export function spread(values: readonly number[]): Spread {
  return {
    median: median(values),
    min: values.length === 0 ? Number.NaN : Math.min(...values),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    values: [...values],
  };
}
