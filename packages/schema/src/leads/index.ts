export * from './company.js';
export * from './lead.js';
export * from './person.js';
