/** Departments a people filter accepts, in alphabetical order. */
export const departments = [
  'Administration',
  'Business Development',
  'Consulting',
  'Customer Success',
  'Data',
  'Design',
  'Engineering',
  'Executive',
  'Finance',
  'HR',
  'IT',
  'Legal',
  'Marketing',
  'Medical',
  'Operations',
  'Procurement',
  'Product',
  'Research',
  'Sales',
  'Support',
] as const;

/** One of `departments`. */
export type Department = (typeof departments)[number];
