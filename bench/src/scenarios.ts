import type autocannon from 'autocannon';
import { icpBody } from './icp-bodies.js';
import { createRandom } from './random.js';

/** The HTTP scenarios, in the order they run. */
export const SCENARIO_NAMES = ['get-by-id', 'list', 'create'] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface ReadTarget {
  id: string;
  ownerId: string;
  token: string;
}

export interface Workload {
  /** ICPs of the token pool's users, each with its owner's bearer token. */
  readTargets: ReadTarget[];
  listUserId: string;
  listUserToken: string;
  /** Users who create ICPs, with their tokens. */
  creators: { userId: string; token: string }[];
}

/**
 * A scenario's requests in the product's API and in the baseline's, for one server each time.
 * The baseline's carry both the caller's name (for the baseline without auth) and their token
 * (for the one that verifies it), so both baselines take the same requests:
 * the id of every ICP a create's 2xx answer reports goes to `acknowledged`, for the
 * durability check.
 */
export interface ScenarioRequests {
  product(acknowledged: string[]): autocannon.Request[];
  baseline(acknowledged: string[]): autocannon.Request[];
}

const PRODUCT_ICPS = '/api/v1/entities/icps';
const BASELINE_ICPS = '/icps';
const CREATE_BODY_VARIANTS = 32;

const pickAny = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function getByIdRequests(workload: Workload): ScenarioRequests {
  return {
    product: () => [
      {
        method: 'GET',
        setupRequest: (request) => {
          const target = pickAny(workload.readTargets);
          return {
            ...request,
            path: `${PRODUCT_ICPS}/${target.id}`,
            headers: { ...request.headers, ...bearer(target.token) },
          };
        },
      },
    ],
    baseline: () => [
      {
        method: 'GET',
        setupRequest: (request) => {
          const target = pickAny(workload.readTargets);
          return {
            ...request,
            path: `${BASELINE_ICPS}/${target.id}`,
            headers: { ...request.headers, ...bearer(target.token) },
          };
        },
      },
    ],
  };
}

export function listRequests(workload: Workload): ScenarioRequests {
  return {
    product: () => [{ method: 'GET', path: PRODUCT_ICPS, headers: bearer(workload.listUserToken) }],
    baseline: () => [
      {
        method: 'GET',
        path: `${BASELINE_ICPS}?user=${encodeURIComponent(workload.listUserId)}`,
        headers: bearer(workload.listUserToken),
      },
    ],
  };
}

/** Creates by random pool users with a few realistic bodies. */
export function createRequests(workload: Workload): ScenarioRequests {
  const random = createRandom(7);
  const bodies = Array.from({ length: CREATE_BODY_VARIANTS }, () =>
    JSON.stringify(icpBody(random)),
  );
  const recordId = (into: string[]) => (status: number, body: string) => {
    if (status >= 200 && status < 300) into.push((JSON.parse(body) as { id: string }).id);
  };
  const json = { 'content-type': 'application/json' };
  return {
    product: (acknowledged) => [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          path: PRODUCT_ICPS,
          body: pickAny(bodies),
          headers: { ...request.headers, ...json, ...bearer(pickAny(workload.creators).token) },
        }),
        onResponse: recordId(acknowledged),
      },
    ],
    baseline: (acknowledged) => [
      {
        method: 'POST',
        setupRequest: (request) => {
          const creator = pickAny(workload.creators);
          return {
            ...request,
            path: BASELINE_ICPS,
            body: pickAny(bodies),
            headers: {
              ...request.headers,
              ...json,
              ...bearer(creator.token),
              'x-user-id': creator.userId,
            },
          };
        },
        onResponse: recordId(acknowledged),
      },
    ],
  };
}
