/**
 * Seniority levels a people filter accepts, most senior first so a picker can show them as is;
 * `Other` (a level none of these names) last.
 */
export const seniorities = [
  'Owner',
  'Founder',
  'Board Member',
  'C-Level',
  'Partner',
  'VP',
  'Head',
  'Director',
  'Manager',
  'Senior',
  'Entry',
  'Intern',
  'Other',
] as const;

/** One of `seniorities`. */
export type Seniority = (typeof seniorities)[number];
