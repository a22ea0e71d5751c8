export * from './recommendation-icp.js';
