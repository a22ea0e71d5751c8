import { Hono } from 'hono';
import type { CreateContext } from '../http/context-factory.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { filtersHandler } from './recommendations.routes.js';

export const PEOPLE_SEARCH_PATH = '/v1/people/search';

/** Get Filters, where the recommendations API's reference places it. */
export function peopleSearchRoutes(createContext: CreateContext): Hono {
  const routes = new Hono();
  routes.get('/filters', filtersHandler(createContext));
  routes.all('/filters', methodNotAllowed(['GET']));
  return routes;
}
