import type { Band } from './band.js';

/**
 * Annual revenue bands, in US dollars, a company filter offers, smallest first; adjacent bands
 * do not overlap.
 */
export const revenueBands = [
  { label: '$0-1M', from: 0, to: 1_000_000 },
  { label: '$1M-10M', from: 1_000_001, to: 10_000_000 },
  { label: '$10M-50M', from: 10_000_001, to: 50_000_000 },
  { label: '$50M-100M', from: 50_000_001, to: 100_000_000 },
  { label: '$100M-500M', from: 100_000_001, to: 500_000_000 },
  { label: '$500M-1B', from: 500_000_001, to: 1_000_000_000 },
  { label: '$1B-10B', from: 1_000_000_001, to: 10_000_000_000 },
  { label: '$10B+', from: 10_000_000_001, to: null },
] as const satisfies readonly Band[];
