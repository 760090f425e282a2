/**
 * How a run's time grows when its input grows, measured without trusting any absolute time: the
 * size starts where one run takes long enough to time, each time is the fastest of a few runs
 * (other work on the machine only ever adds time), and the result is a ratio.
 */
export interface Growth {
  size: number;
  ratio: number;
  /** The grown input's time: under `MEASURABLE_MS`, the ratio is the timer's noise, and the work is fast at every size tried. */
  largeMs: number;
}

const RUNS = 5;
/** Below this, a timer's resolution and the machine's noise outweigh the work. */
export const MEASURABLE_MS = 8;

function fastest(run: () => void): number {
  let best = Infinity;
  for (let round = 0; round < RUNS; round++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** time(factor·n) / time(n) for `work(make(n))`, with n doubled from `initial` up to `largest` until a run is measurable. */
export function growthRatio<T>(make: (size: number) => T, work: (input: T) => void, initial: number, largest: number, factor = 2): Growth {
  let size = initial;
  let input = make(size);
  work(input);
  let small = fastest(() => work(input));
  while (small < MEASURABLE_MS && size * 2 * factor <= largest) {
    size *= 2;
    input = make(size);
    small = fastest(() => work(input));
  }
  const grown = make(size * factor);
  work(grown);
  const large = fastest(() => work(grown));
  small = fastest(() => work(input));
  return { size, ratio: large / small, largeMs: large };
}

/**
 * The lowest of up to three measures while the ratio is at or above `limit`: other work on the
 * machine can only inflate one measure, never deflate all three.
 */
export function lowestGrowth(measure: () => Growth, limit: number): Growth {
  let lowest = measure();
  for (let attempt = 1; attempt < 3 && lowest.ratio >= limit; attempt++) {
    const next = measure();
    if (next.ratio < lowest.ratio) lowest = next;
  }
  return lowest;
}
