export * from './company.js';
export * from './person.js';
