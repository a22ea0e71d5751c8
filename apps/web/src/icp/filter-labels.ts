import type { CustomFilterType } from '@icp/schema';

/** The name of each custom filter type, as the form and the lead notes show it. */
export const customFilterLabels: Record<CustomFilterType, string> = {
  website: 'Website check',
  webscraping: 'Web scraping',
  ai: 'AI check',
  maxPeoplePerCompany: 'Max people per company',
  maxPercentFromCRM: 'Max percent from CRM',
  minDaysUntilReuse: 'Min days until reuse',
  matchFieldWithRegex: 'Match field with regex',
};
