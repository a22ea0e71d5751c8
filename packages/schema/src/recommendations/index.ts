export * from './recommendation-fetch.js';
export * from './recommendation-icp.js';
