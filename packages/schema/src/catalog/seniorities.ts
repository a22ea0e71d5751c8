/** Seniority levels a people filter accepts, most senior first so a picker can show them as is. */
export const seniorities = [
  'Owner',
  'Founder',
  'C-Level',
  'Partner',
  'VP',
  'Head',
  'Director',
  'Manager',
  'Senior',
  'Entry',
  'Intern',
] as const;

/** One of `seniorities`. */
export type Seniority = (typeof seniorities)[number];
