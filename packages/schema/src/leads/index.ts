export * from './company.js';
export * from './lead.js';
export * from './lead-list.js';
export * from './person.js';
