/** mulberry32: a small deterministic generator, so "random" test inputs are the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": published alpha of the 4 × 12 example. */
export const K2011_ALPHA = { nominal: 0.743421, ordinal: 0.815388, interval: 0.849107, ratio: 0.797403 } as const;
