export * from './recommendation-icp.js';
export * from './recommendation-fetch.js';
