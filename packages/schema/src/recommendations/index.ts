export * from './recommendation-error.js';
export * from './recommendation-fetch.js';
export * from './recommendation-filters.js';
export * from './recommendation-icp.js';
export * from './recommendation-reasons.js';
