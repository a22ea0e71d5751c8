import { z } from 'zod';
import { apiErrorMap } from './validation-messages.js';

// The API's messages ("Required" for a missing key) hold wherever these schemas are parsed.
z.config({ customError: apiErrorMap });

export * from './catalog/index.js';
export * from './crm-filters.js';
export * from './custom-filter-criteria.js';
export * from './documented-examples.js';
export * from './error-envelope.js';
export * from './icp.js';
export * from './icp-limits.js';
export * from './job-title-words.js';
export * from './lead-provider-criteria.js';
export * from './leads/index.js';
export * from './not-blank.js';
export * from './recommendations/index.js';
export * from './request-headers.js';
export * from './schedules/index.js';
export * from './search-terms.js';
export * from './trpc-batch.js';
export * from './validation-messages.js';
