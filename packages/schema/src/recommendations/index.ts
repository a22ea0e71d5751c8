export * from './recommendation-error.js';
export * from './recommendation-fetch.js';
export * from './recommendation-icp.js';
