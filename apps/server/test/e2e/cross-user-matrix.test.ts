import { randomUUID } from 'node:crypto';
import { companyRecord, filterCatalog, personRecord } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import {
  ACTORS,
  type Actor,
  ADMIN,
  expectedStatus,
  MEMBERS,
  mayPass,
  type Scope,
  STRANGER,
  TEAMMATE,
  tokensOfActors,
  USER_OF,
} from '../support/cross-user-actors.js';
import {
  type ApiAnswer,
  type Json,
  type MatrixClient,
  matrixClient,
  type ProcedurePath,
} from '../support/cross-user-client.js';
import { icpBody } from '../support/icp-bodies.js';
import { reportFigures } from '../support/suite-figures.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { PROCEDURE_PATHS } from '../support/trpc-procedures.js';

/**
 * Every endpoint (REST and tRPC) x every actor: the status the access rules give, what an allowed
 * answer shows, and that a refused write changes nothing the owner sees.
 */

const ICPS = '/api/v1/entities/icps';
const LEAD_LISTS = '/api/v1/entities/leadlists';
const V2 = '/v2/recommendations';
const GET_FILTERS = '/v1/people/search/filters';
const UNAUTHORIZED = { error: { code: 'UNAUTHORIZED', message: 'User not authenticated' } };
const CODE_OF_STATUS: Record<number, string> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

/** The v2 ICPs the owner keeps: one only read, one upserted by every actor. */
const V2_READ = 'ext-read';
const V2_WRITE = 'ext-write';

/** People the ICPs of the matrix match (CTOs), so previews and lead lists hold leads. */
const LEAD_COMPANY = companyRecord.parse({
  id: 'c-matrix',
  name: 'Matrix GmbH',
  domain: 'matrix.example',
  industry: 'Software',
  employeeCount: 250,
  country: 'de',
});
const LEAD_PEOPLE = ['p-matrix-1', 'p-matrix-2'].map((id) =>
  personRecord.parse({
    id,
    firstName: 'Ada',
    lastName: id,
    jobTitle: 'CTO',
    companyId: LEAD_COMPANY.id,
    country: 'de',
    email: `${id}@example.com`,
    source: 'provider',
  }),
);

interface IcpFixture {
  id: string;
  path: string;
  name: string;
  icp: Json;
  etag: string | null;
}

interface LeadListFixture {
  id: string;
  path: string;
  /** Its ICP's path; null for a list made without one. */
  icpPath: string | null;
  list: Json;
}

/** What a row's target looks like from outside: reads as its owner, or rows of the database. */
type TargetState = Record<string, Json>;

interface Answer {
  actor: Actor;
  response: ApiAnswer;
  /** The response body, or for tRPC the procedure's result. */
  data: Json;
  before: TargetState;
  after: TargetState;
}

interface Probe {
  send(actor: Actor): Promise<ApiAnswer>;
  /** Taken before and after the request; a refused request must leave it as it was. */
  targetState?(): Promise<TargetState>;
  /** Text of the target that no refusal may show. */
  secret?: string;
  /** Checks an allowed answer: what it shows, and for a write that it happened. */
  allowed(answer: Answer): void | Promise<void>;
}

interface Endpoint {
  transport: 'rest' | 'trpc';
  /** `METHOD /path` as the OpenAPI document names it, or the procedure's path. */
  operation: string;
  variant?: string;
  scope: Scope;
  allowedStatus: number;
  /** Writes run after every read: a v2 upsert gives its account an ICP a read row expects none of. */
  writes: boolean;
  /** Sets up the row's target (a fresh one for writes, so rows cannot interfere). */
  probe(): Promise<Probe>;
}

let service: TestService;
let client: MatrixClient;
let fixtures: {
  shared: IcpFixture;
  sharedList: LeadListFixture;
  /** The owner's list without an ICP, given to the teammate. */
  handList: LeadListFixture;
  strangersIcp: IcpFixture;
  strangersList: LeadListFixture;
  v2Read: Json;
  v2Own: Json;
};

const rest = (actor: Actor, method: string, path: string, body?: unknown) =>
  client.rest(actor, method, path, body);
const trpc: MatrixClient['trpc'] = (actor, procedure, input) =>
  client.trpc(actor, procedure, input);

function userOf(actor: Actor): string {
  const user = USER_OF[actor];
  if (user === null) throw new Error(`${actor} is not signed in`);
  return user;
}

const idsOf = (items: { id: string }[]) => items.map((item) => item.id);

async function newIcp(actor: Actor, userIds: string[]): Promise<IcpFixture> {
  const name = `Matrix ${randomUUID()}`;
  const created = await rest(actor, 'POST', ICPS, icpBody({ name, userIds }));
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  return { id, path: `${ICPS}/${id}`, name, icp: created.body, etag: created.headers.get('etag') };
}

const newSharedIcp = () => newIcp('owner', [TEAMMATE]);

async function newLeadList(actor: Actor, icp: IcpFixture): Promise<LeadListFixture> {
  const created = await rest(actor, 'POST', `${icp.path}/lead-lists`);
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  return { id, path: `${LEAD_LISTS}/${id}`, icpPath: icp.path, list: created.body };
}

/** A list made by hand of the lead people: for an ICP, or without one and given to `userIds`. */
async function newHandList(
  actor: Actor,
  target: { icp: IcpFixture } | { userIds: string[] },
): Promise<LeadListFixture> {
  const created = await rest(actor, 'POST', LEAD_LISTS, handListBody(target));
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  const icpPath = 'icp' in target ? target.icp.path : null;
  return { id, path: `${LEAD_LISTS}/${id}`, icpPath, list: created.body };
}

function handListBody(target: { icp: IcpFixture } | { userIds: string[] }, name = 'By hand') {
  return {
    name,
    icpId: 'icp' in target ? target.icp.id : null,
    startDate: '2026-12-01T00:00:00.000Z',
    endDate: '2026-12-08T00:00:00.000Z',
    personIds: idsOf(LEAD_PEOPLE),
    ...('userIds' in target ? { userIds: target.userIds } : {}),
  };
}

async function ownerRead(path: string) {
  const read = await rest('owner', 'GET', path);
  return { status: read.status, body: read.body, etag: read.headers.get('etag') };
}

const icpState = async (icp: IcpFixture) => ({
  icp: await ownerRead(icp.path),
  leadLists: await ownerRead(`${icp.path}/lead-lists`),
});

const leadListState = async (list: LeadListFixture) => ({
  leadList: await ownerRead(list.path),
  leadLists: await ownerRead(list.icpPath === null ? LEAD_LISTS : `${list.icpPath}/lead-lists`),
});

/** What GET /v2/recommendations/icp lists: the saved ICP, or none. */
const listedV2 = (saved: Json | undefined) => ({
  icpFilters:
    saved === undefined
      ? []
      : [
          {
            id: saved.id,
            type: 'DECLARED_ICP',
            companies: saved.companies ?? {},
            people: saved.people ?? {},
          },
        ],
  pagination: { hasMore: false, limit: 10, totalAmount: saved === undefined ? 0 : 1 },
});

const v2IcpPath = (externalUserId: string | undefined) =>
  externalUserId === undefined
    ? `${V2}/icp`
    : `${V2}/icp?externalUserId=${encodeURIComponent(externalUserId)}`;

/** The page every fetch of the matrix asks for. */
const FIRST_PAGE = { from: 0, to: 10 };

const withExternalUserId = (externalUserId: string | undefined) =>
  externalUserId === undefined ? {} : { externalUserId };

/** Lists show only what is shared with the caller: admins see no more than anyone else. */
function expectOnlyIcpsSharedWith(user: string, icps: Json[]) {
  for (const icp of icps) expect(icp.userIds).toContain(user);
  expect(idsOf(icps).includes(fixtures.shared.id)).toBe(MEMBERS.includes(user));
  expect(idsOf(icps).includes(fixtures.strangersIcp.id)).toBe(user === STRANGER);
}

/** Lead lists show what the caller may see: an admin sees every list. */
async function expectOnlyLeadListsSharedWith(user: string, lists: Json[]) {
  const members = await service.db
    .selectFrom('icp_members')
    .select('icp_id')
    .where('user_id', '=', user)
    .execute();
  const icpIds = members.map((member) => member.icp_id);
  if (user !== ADMIN) {
    for (const list of lists) {
      if (list.icpId === null) expect(list.userIds).toContain(user);
      else expect(icpIds).toContain(list.icpId);
    }
  }
  const ids = idsOf(lists);
  expect(ids.includes(fixtures.sharedList.id)).toBe(MEMBERS.includes(user) || user === ADMIN);
  expect(ids.includes(fixtures.handList.id)).toBe(MEMBERS.includes(user) || user === ADMIN);
  expect(ids.includes(fixtures.strangersList.id)).toBe(user === STRANGER || user === ADMIN);
}

// What each operation does, whichever transport carries it. `send` is the transport's request.

type Send<T = void> = (actor: Actor, target: T) => Promise<ApiAnswer>;
/** An ICP with its ETag, from a REST answer (body and header) or a tRPC result. */
type IcpResultOf = (response: ApiAnswer) => { icp: Json; etag: string | null };

const icpOfRest: IcpResultOf = (response) => ({
  icp: response.body,
  etag: response.headers.get('etag'),
});
const icpOfTrpc: IcpResultOf = (response) => response.body.result.data;

const listIcps = (send: Send) => async (): Promise<Probe> => ({
  send: (actor) => send(actor),
  allowed: ({ actor, data }) => expectOnlyIcpsSharedWith(userOf(actor), data),
});

const createIcp = (send: Send<Json>, resultOf: IcpResultOf) => async (): Promise<Probe> => {
  const name = `Created ${randomUUID()}`;
  return {
    send: (actor) => send(actor, icpBody({ name, userIds: [] })),
    // Straight from the database: a refused create must leave no row at all.
    targetState: async () => ({
      stored: await service.db.selectFrom('icps').select('id').where('name', '=', name).execute(),
    }),
    allowed: ({ actor, response, after }) => {
      const { icp } = resultOf(response);
      expect(icp).toMatchObject({ name, userIds: [userOf(actor)] });
      expect(after.stored).toEqual([{ id: icp.id }]);
    },
  };
};

const readIcp = (send: Send<IcpFixture>, resultOf: IcpResultOf) => async (): Promise<Probe> => {
  const { shared } = fixtures;
  return {
    send: (actor) => send(actor, shared),
    secret: shared.name,
    allowed: ({ response }) =>
      expect(resultOf(response)).toEqual({ icp: shared.icp, etag: shared.etag }),
  };
};

const updateIcp =
  (send: Send<{ icp: IcpFixture; name: string }>, resultOf: IcpResultOf) =>
  async (): Promise<Probe> => {
    const icp = await newSharedIcp();
    const name = `Renamed ${randomUUID()}`;
    return {
      send: (actor) => send(actor, { icp, name }),
      targetState: () => icpState(icp),
      secret: icp.name,
      allowed: ({ response, before, after }) => {
        const updated = resultOf(response);
        // Whoever renames it, the members stay as they were (an admin is not added).
        expect(updated.icp).toMatchObject({ name, userIds: MEMBERS });
        expect(after.icp).toEqual({ status: 200, body: updated.icp, etag: updated.etag });
        expect(updated.etag).not.toBe(before.icp.etag);
      },
    };
  };

const deleteIcp =
  (send: Send<IcpFixture>, expectAnswer: (data: Json, icp: IcpFixture) => void) =>
  async (): Promise<Probe> => {
    const icp = await newSharedIcp();
    const list = await newLeadList('owner', icp);
    return {
      send: (actor) => send(actor, icp),
      targetState: () => icpState(icp),
      secret: icp.name,
      allowed: async ({ data, after }) => {
        expectAnswer(data, icp);
        expect(after.icp.status).toBe(404);
        expect(after.leadLists.status).toBe(404);
        // Its lists stay, without their ICP, for those who saw them.
        const kept = await ownerRead(list.path);
        expect(kept.body).toMatchObject({ id: list.id, icpId: null, userIds: [...MEMBERS].sort() });
      },
    };
  };

const previewIcp = (send: Send<IcpFixture>) => async (): Promise<Probe> => {
  const { shared } = fixtures;
  return {
    send: (actor) => send(actor, shared),
    secret: shared.name,
    allowed: ({ data }) => {
      expect(data.total).toBe(LEAD_PEOPLE.length);
      expect(data.leads.map((lead: Json) => lead.person.id)).toEqual(idsOf(LEAD_PEOPLE));
    },
  };
};

const generateLeadList = (send: Send<IcpFixture>) => async (): Promise<Probe> => {
  const icp = await newSharedIcp();
  return {
    send: (actor) => send(actor, icp),
    targetState: () => icpState(icp),
    secret: icp.name,
    allowed: ({ actor, data, before, after }) => {
      expect(data).toMatchObject({
        icpId: icp.id,
        createdBy: userOf(actor),
        leadCount: LEAD_PEOPLE.length,
      });
      expect(idsOf(after.leadLists.body)).toEqual([data.id]);
      expect(after.icp).toEqual(before.icp);
    },
  };
};

const listLeadListsOfIcp = (send: Send<IcpFixture>) => async (): Promise<Probe> => {
  const { shared, sharedList } = fixtures;
  return {
    send: (actor) => send(actor, shared),
    secret: shared.name,
    allowed: ({ data }) => expect(idsOf(data)).toEqual([sharedList.id]),
  };
};

const listLeadLists = (send: Send) => async (): Promise<Probe> => ({
  send: (actor) => send(actor),
  allowed: ({ actor, data }) => expectOnlyLeadListsSharedWith(userOf(actor), data),
});

const readLeadList =
  (send: Send<LeadListFixture>, which: 'sharedList' | 'handList' = 'sharedList') =>
  async (): Promise<Probe> => {
    const list = fixtures[which];
    return {
      send: (actor) => send(actor, list),
      secret: list.id,
      allowed: ({ data }) => expect(data).toEqual(list.list),
    };
  };

const readLeadsOfList =
  (send: Send<LeadListFixture>, which: 'sharedList' | 'handList' = 'sharedList') =>
  async (): Promise<Probe> => {
    const list = fixtures[which];
    return {
      send: (actor) => send(actor, list),
      secret: list.id,
      allowed: ({ data }) =>
        expect(data.map((lead: Json) => lead.person.id)).toEqual(idsOf(LEAD_PEOPLE)),
    };
  };

/** A list made by hand, without an ICP (any signed-in user) or for the shared ICP (its members). */
const createLeadList = (send: Send<Json>, forIcp: boolean) => async (): Promise<Probe> => {
  const name = `Hand ${randomUUID()}`;
  const icp = forIcp ? await newSharedIcp() : undefined;
  const target = icp === undefined ? { userIds: [] } : { icp };
  return {
    send: (actor) => send(actor, handListBody(target, name)),
    targetState: async () => ({
      stored: await service.db
        .selectFrom('lead_lists')
        .select('id')
        .where('name', '=', name)
        .execute(),
    }),
    allowed: ({ actor, data, after }) => {
      expect(data).toMatchObject({
        name,
        icpId: icp?.id ?? null,
        createdBy: userOf(actor),
        personIds: idsOf(LEAD_PEOPLE),
      });
      expect(after.stored).toEqual([{ id: data.id }]);
    },
  };
};

/** Adds a prospect given as data: stored and added, or (refused) neither. */
const addProspects =
  (send: Send<{ list: LeadListFixture; body: Json }>, withIcp: boolean) =>
  async (): Promise<Probe> => {
    const list = withIcp
      ? await newLeadList('owner', await newSharedIcp())
      : await newHandList('owner', { userIds: [TEAMMATE] });
    const lastName = `Prospect ${randomUUID()}`;
    const body = { prospects: [{ firstName: 'Added', lastName, jobTitle: 'CTO' }] };
    return {
      send: (actor) => send(actor, { list, body }),
      targetState: async () => ({
        ...(await leadListState(list)),
        stored: await service.db
          .selectFrom('people')
          .select('id')
          .where('last_name', '=', lastName)
          .execute(),
      }),
      secret: list.id,
      allowed: ({ data, after }) => {
        expect(data.personIds).toHaveLength(LEAD_PEOPLE.length + 1);
        expect(data.people.at(-1).person).toMatchObject({ firstName: 'Added', lastName });
        expect(after.leadList.body).toEqual(data);
        expect(after.stored).toHaveLength(1);
      },
    };
  };

const deleteLeadList =
  (
    send: Send<LeadListFixture>,
    expectAnswer: (data: Json, list: LeadListFixture) => void,
    withIcp = true,
  ) =>
  async (): Promise<Probe> => {
    const list = withIcp
      ? await newLeadList('owner', await newSharedIcp())
      : await newHandList('owner', { userIds: [TEAMMATE] });
    return {
      send: (actor) => send(actor, list),
      targetState: () => leadListState(list),
      allowed: ({ data, after }) => {
        expectAnswer(data, list);
        expect(after.leadList.status).toBe(404);
        expect(idsOf(after.leadLists.body)).not.toContain(list.id);
      },
    };
  };

// Schedules: set, read and stopped by the ICP's members (and admins), each row on a fresh ICP.
const SCHEDULE = { every: 'week', at: '08:00', timezone: 'Europe/Berlin' };
const scheduleRows = (icp: IcpFixture) =>
  service.db
    .selectFrom('icp_schedules')
    .select(['id', 'every'])
    .where('icp_id', '=', icp.id)
    .execute();
const withSchedule = async () => {
  const icp = await newSharedIcp();
  const set = await rest('owner', 'PUT', `${icp.path}/schedule`, SCHEDULE);
  expect(set.status, set.text).toBe(201);
  return { icp, schedule: set.body };
};

const setSchedule = (send: Send<IcpFixture>) => async (): Promise<Probe> => {
  const icp = await newSharedIcp();
  return {
    send: (actor) => send(actor, icp),
    targetState: async () => ({ stored: await scheduleRows(icp) }),
    allowed: ({ data, after }) => {
      const schedule = data.schedule ?? data;
      expect(schedule).toMatchObject({ icpId: icp.id, ...SCHEDULE, deliveries: [] });
      expect(after.stored).toEqual([{ id: schedule.id, every: 'week' }]);
    },
  };
};

const readSchedule = (send: Send<IcpFixture>) => async (): Promise<Probe> => {
  const { icp, schedule } = await withSchedule();
  return {
    send: (actor) => send(actor, icp),
    secret: schedule.id,
    allowed: ({ data }) => expect(data).toEqual(schedule),
  };
};

const deleteSchedule =
  (send: Send<IcpFixture>, expectAnswer: (data: Json, icp: IcpFixture) => void) =>
  async (): Promise<Probe> => {
    const { icp } = await withSchedule();
    return {
      send: (actor) => send(actor, icp),
      targetState: async () => ({ stored: await scheduleRows(icp) }),
      allowed: ({ data, after }) => {
        expectAnswer(data, icp);
        expect(after.stored).toEqual([]);
      },
    };
  };

/** Every actor upserts under the owner's external user id: each only ever reaches their own. */
const upsertV2Icp =
  (externalUserId: string | undefined, send: Send<Json>) => async (): Promise<Probe> => {
    const body = {
      ...withExternalUserId(externalUserId),
      people: { jobTitles: [`Title ${randomUUID()}`] },
    };
    return {
      send: (actor) => send(actor, body),
      targetState: async () => ({ ownersIcp: await ownerRead(v2IcpPath(externalUserId)) }),
      allowed: ({ actor, data, before, after }) => {
        expect(data).toMatchObject(body);
        const ownersId = before.ownersIcp.body.icpFilters[0].id;
        if (mayPass('ownerAccount', actor)) {
          expect(data.id).toBe(ownersId);
          expect(after.ownersIcp.body).toEqual(listedV2(data));
        } else {
          expect(data.id).not.toBe(ownersId);
          expect(after).toEqual(before);
        }
      },
    };
  };

const readV2Icp = (externalUserId: string | undefined, send: Send) => async (): Promise<Probe> => {
  const saved = externalUserId === undefined ? fixtures.v2Own : fixtures.v2Read;
  return {
    send: (actor) => send(actor),
    secret: saved.id,
    // Another account has no ICP of that name: for it, the list is empty.
    allowed: ({ actor, data }) =>
      expect(data).toEqual(listedV2(mayPass('ownerAccount', actor) ? saved : undefined)),
  };
};

const fetchV2 = (send: Send) => async (): Promise<Probe> => ({
  send: (actor) => send(actor),
  allowed: ({ data }) => {
    expect(data.pagination).toEqual({ from: 0, to: 10, hasMore: false, totalAmount: 1 });
    expect(data.companies.map((company: Json) => company.name)).toEqual([LEAD_COMPANY.name]);
  },
});

const v2Filters = (send: Send) => async (): Promise<Probe> => ({
  send: (actor) => send(actor),
  allowed: ({ data }) => expect(data).toEqual(JSON.parse(JSON.stringify(filterCatalog))),
});

const restEndpoint = (
  operation: string,
  scope: Scope,
  allowedStatus: number,
  writes: boolean,
  probe: Endpoint['probe'],
  variant?: string,
): Endpoint => ({
  transport: 'rest',
  operation,
  scope,
  allowedStatus,
  writes,
  probe,
  ...(variant === undefined ? {} : { variant }),
});

const trpcEndpoint = (
  procedure: ProcedurePath,
  scope: Scope,
  writes: boolean,
  probe: Endpoint['probe'],
  variant?: string,
): Endpoint => ({
  transport: 'trpc',
  operation: procedure,
  scope,
  allowedStatus: 200,
  writes,
  probe,
  ...(variant === undefined ? {} : { variant }),
});

const WITH_EXTERNAL_USER_ID = 'with externalUserId';
const WITHOUT_EXTERNAL_USER_ID = 'without externalUserId';

const expectNoBody = (data: Json) => expect(data).toBeNull();
const expectIdOf = (data: Json, target: { id: string }) => expect(data).toEqual({ id: target.id });
const WITHOUT_ICP = 'without an ICP, given to the teammate';
const FOR_ICP = 'for the shared ICP';

const REST_ENDPOINTS: Endpoint[] = [
  restEndpoint(
    `GET ${ICPS}`,
    'signedIn',
    200,
    false,
    listIcps((actor) => rest(actor, 'GET', ICPS)),
  ),
  restEndpoint(
    `POST ${ICPS}`,
    'signedIn',
    201,
    true,
    createIcp((actor, body) => rest(actor, 'POST', ICPS, body), icpOfRest),
  ),
  restEndpoint(
    `GET ${ICPS}/{id}`,
    'sharedIcp',
    200,
    false,
    readIcp((actor, icp) => rest(actor, 'GET', icp.path), icpOfRest),
  ),
  restEndpoint(
    `PATCH ${ICPS}/{id}`,
    'sharedIcp',
    200,
    true,
    updateIcp((actor, { icp, name }) => rest(actor, 'PATCH', icp.path, { name }), icpOfRest),
  ),
  restEndpoint(
    `DELETE ${ICPS}/{id}`,
    'sharedIcp',
    204,
    true,
    deleteIcp((actor, icp) => rest(actor, 'DELETE', icp.path), expectNoBody),
  ),
  restEndpoint(
    `POST ${ICPS}/{id}/preview`,
    'sharedIcp',
    200,
    false,
    previewIcp((actor, icp) => rest(actor, 'POST', `${icp.path}/preview`)),
  ),
  restEndpoint(
    `POST ${ICPS}/{id}/lead-lists`,
    'sharedIcp',
    201,
    true,
    generateLeadList((actor, icp) => rest(actor, 'POST', `${icp.path}/lead-lists`)),
  ),
  restEndpoint(
    `GET ${ICPS}/{id}/lead-lists`,
    'sharedIcp',
    200,
    false,
    listLeadListsOfIcp((actor, icp) => rest(actor, 'GET', `${icp.path}/lead-lists`)),
  ),
  restEndpoint(
    `GET ${LEAD_LISTS}`,
    'signedIn',
    200,
    false,
    listLeadLists((actor) => rest(actor, 'GET', LEAD_LISTS)),
  ),
  restEndpoint(
    `GET ${LEAD_LISTS}/{id}`,
    'sharedIcp',
    200,
    false,
    readLeadList((actor, list) => rest(actor, 'GET', list.path)),
  ),
  restEndpoint(
    `DELETE ${LEAD_LISTS}/{id}`,
    'sharedIcp',
    204,
    true,
    deleteLeadList((actor, list) => rest(actor, 'DELETE', list.path), expectNoBody),
  ),
  restEndpoint(
    `GET ${LEAD_LISTS}/{id}`,
    'sharedIcp',
    200,
    false,
    readLeadList((actor, list) => rest(actor, 'GET', list.path), 'handList'),
    WITHOUT_ICP,
  ),
  restEndpoint(
    `DELETE ${LEAD_LISTS}/{id}`,
    'sharedIcp',
    204,
    true,
    deleteLeadList((actor, list) => rest(actor, 'DELETE', list.path), expectNoBody, false),
    WITHOUT_ICP,
  ),
  restEndpoint(
    `POST ${LEAD_LISTS}`,
    'signedIn',
    201,
    true,
    createLeadList((actor, body) => rest(actor, 'POST', LEAD_LISTS, body), false),
  ),
  restEndpoint(
    `POST ${LEAD_LISTS}`,
    'sharedIcp',
    201,
    true,
    createLeadList((actor, body) => rest(actor, 'POST', LEAD_LISTS, body), true),
    FOR_ICP,
  ),
  ...(['sharedList', 'handList'] as const).map((which) =>
    restEndpoint(
      `GET ${LEAD_LISTS}/{id}/leads`,
      'sharedIcp',
      200,
      false,
      readLeadsOfList((actor, list) => rest(actor, 'GET', `${list.path}/leads`), which),
      which === 'handList' ? WITHOUT_ICP : undefined,
    ),
  ),
  ...[true, false].map((withIcp) =>
    restEndpoint(
      `POST ${LEAD_LISTS}/{id}/prospects`,
      'sharedIcp',
      200,
      true,
      addProspects(
        (actor, { list, body }) => rest(actor, 'POST', `${list.path}/prospects`, body),
        withIcp,
      ),
      withIcp ? undefined : WITHOUT_ICP,
    ),
  ),
  ...[V2_WRITE, undefined].map((externalUserId) =>
    restEndpoint(
      `POST ${V2}/icp`,
      'signedIn',
      201,
      true,
      upsertV2Icp(externalUserId, (actor, body) => rest(actor, 'POST', `${V2}/icp`, body)),
      externalUserId === undefined ? WITHOUT_EXTERNAL_USER_ID : WITH_EXTERNAL_USER_ID,
    ),
  ),
  ...[V2_READ, undefined].flatMap((externalUserId) => {
    const variant = externalUserId === undefined ? WITHOUT_EXTERNAL_USER_ID : WITH_EXTERNAL_USER_ID;
    const fetchBody = { ...withExternalUserId(externalUserId), pagination: FIRST_PAGE };
    return [
      restEndpoint(
        `GET ${V2}/icp`,
        'signedIn',
        200,
        false,
        readV2Icp(externalUserId, (actor) => rest(actor, 'GET', v2IcpPath(externalUserId))),
        variant,
      ),
      restEndpoint(
        `POST ${V2}/fetch`,
        'ownerAccount',
        200,
        false,
        fetchV2((actor) => rest(actor, 'POST', `${V2}/fetch`, fetchBody)),
        variant,
      ),
    ];
  }),
  restEndpoint(
    `GET ${GET_FILTERS}`,
    'signedIn',
    200,
    false,
    v2Filters((actor) => rest(actor, 'GET', GET_FILTERS)),
  ),
  restEndpoint(
    `GET ${V2}/filters`,
    'signedIn',
    200,
    false,
    v2Filters((actor) => rest(actor, 'GET', `${V2}/filters`)),
  ),
  restEndpoint(
    `PUT ${ICPS}/{id}/schedule`,
    'sharedIcp',
    201,
    true,
    setSchedule((actor, icp) => rest(actor, 'PUT', `${icp.path}/schedule`, SCHEDULE)),
  ),
  restEndpoint(
    `GET ${ICPS}/{id}/schedule`,
    'sharedIcp',
    200,
    false,
    readSchedule((actor, icp) => rest(actor, 'GET', `${icp.path}/schedule`)),
  ),
  restEndpoint(
    `DELETE ${ICPS}/{id}/schedule`,
    'sharedIcp',
    204,
    true,
    deleteSchedule((actor, icp) => rest(actor, 'DELETE', `${icp.path}/schedule`), expectNoBody),
  ),
];

const LOCALLY_SIGNED_IN = 'user_signed_in_locally';

const TRPC_ENDPOINTS: Endpoint[] = [
  trpcEndpoint('auth.session', 'public', false, async () => ({
    send: (actor) => trpc(actor, 'auth.session'),
    allowed: ({ actor, data }) => {
      const user = USER_OF[actor];
      expect(data.user).toEqual(user === null ? null : { id: user, isAdmin: user === ADMIN });
    },
  })),
  // The server under test runs in local mode, where signing in as anyone is the point; outside
  // it the procedure refuses everyone (see authentication.test.ts).
  trpcEndpoint('auth.localSignIn', 'public', false, async () => ({
    send: (actor) => trpc(actor, 'auth.localSignIn', { userId: LOCALLY_SIGNED_IN }),
    allowed: ({ data }) => expect(data.userId).toBe(LOCALLY_SIGNED_IN),
  })),
  trpcEndpoint(
    'icp.list',
    'signedIn',
    false,
    listIcps((actor) => trpc(actor, 'icp.list')),
  ),
  trpcEndpoint(
    'icp.byId',
    'sharedIcp',
    false,
    readIcp((actor, icp) => trpc(actor, 'icp.byId', { id: icp.id }), icpOfTrpc),
  ),
  trpcEndpoint(
    'icp.create',
    'signedIn',
    true,
    createIcp((actor, body) => trpc(actor, 'icp.create', { body }), icpOfTrpc),
  ),
  trpcEndpoint(
    'icp.update',
    'sharedIcp',
    true,
    updateIcp(
      (actor, { icp, name }) => trpc(actor, 'icp.update', { id: icp.id, body: { name } }),
      icpOfTrpc,
    ),
  ),
  trpcEndpoint(
    'icp.delete',
    'sharedIcp',
    true,
    deleteIcp((actor, icp) => trpc(actor, 'icp.delete', { id: icp.id }), expectIdOf),
  ),
  trpcEndpoint(
    'leadLists.preview',
    'sharedIcp',
    false,
    previewIcp((actor, icp) => trpc(actor, 'leadLists.preview', { id: icp.id })),
  ),
  trpcEndpoint('leadLists.previewDraft', 'signedIn', false, async () => ({
    send: (actor) =>
      trpc(actor, 'leadLists.previewDraft', {
        body: { leadProviderCriteria: icpBody().leadProviderCriteria, customFilterCriteria: [] },
      }),
    allowed: ({ data }) => expect(data.total).toBe(LEAD_PEOPLE.length),
  })),
  trpcEndpoint(
    'leadLists.generate',
    'sharedIcp',
    true,
    generateLeadList((actor, icp) => trpc(actor, 'leadLists.generate', { id: icp.id })),
  ),
  trpcEndpoint(
    'leadLists.list',
    'signedIn',
    false,
    listLeadLists((actor) => trpc(actor, 'leadLists.list')),
  ),
  trpcEndpoint('leadLists.listPage', 'signedIn', false, async () => ({
    send: (actor) => trpc(actor, 'leadLists.listPage'),
    allowed: async ({ actor, data }) => {
      await expectOnlyLeadListsSharedWith(userOf(actor), data.lists);
      expect(data.total).toBe(data.lists.length);
    },
  })),
  trpcEndpoint(
    'leadLists.ofIcp',
    'sharedIcp',
    false,
    listLeadListsOfIcp((actor, icp) => trpc(actor, 'leadLists.ofIcp', { id: icp.id })),
  ),
  trpcEndpoint(
    'leadLists.byId',
    'sharedIcp',
    false,
    readLeadList((actor, list) => trpc(actor, 'leadLists.byId', { id: list.id })),
  ),
  trpcEndpoint(
    'leadLists.delete',
    'sharedIcp',
    true,
    deleteLeadList((actor, list) => trpc(actor, 'leadLists.delete', { id: list.id }), expectIdOf),
  ),
  trpcEndpoint(
    'leadLists.byId',
    'sharedIcp',
    false,
    readLeadList((actor, list) => trpc(actor, 'leadLists.byId', { id: list.id }), 'handList'),
    WITHOUT_ICP,
  ),
  trpcEndpoint(
    'leadLists.create',
    'signedIn',
    true,
    createLeadList((actor, body) => trpc(actor, 'leadLists.create', { body }), false),
  ),
  trpcEndpoint(
    'leadLists.create',
    'sharedIcp',
    true,
    createLeadList((actor, body) => trpc(actor, 'leadLists.create', { body }), true),
    FOR_ICP,
  ),
  trpcEndpoint(
    'leadLists.leads',
    'sharedIcp',
    false,
    readLeadsOfList((actor, list) => trpc(actor, 'leadLists.leads', { id: list.id })),
  ),
  ...[true, false].map((withIcp) =>
    trpcEndpoint(
      'leadLists.addProspects',
      'sharedIcp',
      true,
      addProspects(
        (actor, { list, body }) => trpc(actor, 'leadLists.addProspects', { id: list.id, body }),
        withIcp,
      ),
      withIcp ? undefined : WITHOUT_ICP,
    ),
  ),
  ...[V2_WRITE, undefined].map((externalUserId) =>
    trpcEndpoint(
      'recommendations.upsertIcp',
      'signedIn',
      true,
      upsertV2Icp(externalUserId, (actor, body) =>
        trpc(actor, 'recommendations.upsertIcp', { body }),
      ),
      externalUserId === undefined ? WITHOUT_EXTERNAL_USER_ID : WITH_EXTERNAL_USER_ID,
    ),
  ),
  ...[V2_READ, undefined].flatMap((externalUserId) => {
    const variant = externalUserId === undefined ? WITHOUT_EXTERNAL_USER_ID : WITH_EXTERNAL_USER_ID;
    const query = withExternalUserId(externalUserId);
    return [
      trpcEndpoint(
        'recommendations.icp',
        'signedIn',
        false,
        readV2Icp(externalUserId, (actor) => trpc(actor, 'recommendations.icp', query)),
        variant,
      ),
      trpcEndpoint(
        'recommendations.fetch',
        'ownerAccount',
        false,
        fetchV2((actor) =>
          trpc(actor, 'recommendations.fetch', { body: { ...query, pagination: FIRST_PAGE } }),
        ),
        variant,
      ),
    ];
  }),
  trpcEndpoint(
    'recommendations.filters',
    'signedIn',
    false,
    v2Filters((actor) => trpc(actor, 'recommendations.filters')),
  ),
  trpcEndpoint(
    'schedules.set',
    'sharedIcp',
    true,
    setSchedule((actor, icp) => trpc(actor, 'schedules.set', { id: icp.id, body: SCHEDULE })),
  ),
  trpcEndpoint(
    'schedules.get',
    'sharedIcp',
    false,
    readSchedule((actor, icp) => trpc(actor, 'schedules.get', { id: icp.id })),
  ),
  trpcEndpoint(
    'schedules.delete',
    'sharedIcp',
    true,
    deleteSchedule(
      (actor, icp) => trpc(actor, 'schedules.delete', { id: icp.id }),
      (data, icp) => expect(data).toEqual({ icpId: icp.id }),
    ),
  ),
];

const ENDPOINTS = [...REST_ENDPOINTS, ...TRPC_ENDPOINTS];

const ROWS = ENDPOINTS.toSorted((a, b) => Number(a.writes) - Number(b.writes)).flatMap((endpoint) =>
  ACTORS.map((actor) => {
    const status = expectedStatus(endpoint.scope, endpoint.allowedStatus, actor);
    const variant = endpoint.variant === undefined ? '' : ` (${endpoint.variant})`;
    const transport = endpoint.transport === 'trpc' ? 'tRPC ' : '';
    return {
      label: `${transport}${endpoint.operation}${variant} as ${actor}: ${status}`,
      endpoint,
      actor,
      status,
    };
  }),
);

function expectRefusal(
  endpoint: Endpoint,
  response: ApiAnswer,
  status: number,
  secret: string | undefined,
) {
  const code = CODE_OF_STATUS[status];
  if (endpoint.transport === 'rest' && /^\w+ \/v[12]\//.test(endpoint.operation)) {
    // The v1 and v2 API's own error body.
    expect(response.body).toEqual({
      code: status,
      message: status === 401 ? UNAUTHORIZED.error.message : expect.any(String),
    });
  } else if (endpoint.transport === 'rest') {
    if (status === 401) expect(response.body).toEqual(UNAUTHORIZED);
    expect(Object.keys(response.body)).toEqual(['error']);
    expect(response.body.error.code).toBe(code);
  } else {
    expect(response.body.error.data).toMatchObject({ appCode: code, httpStatus: status });
    if (status === 401) expect(response.body.error.message).toBe(UNAUTHORIZED.error.message);
  }
  expect(response.headers.get('etag')).toBeNull();
  if (secret !== undefined) expect(response.text).not.toContain(secret);
}

beforeAll(async () => {
  service = await startTestService({ ADMIN_USER_IDS: ADMIN });
  await service.db.transaction().execute(async (tx) => {
    await saveCompanies(tx, [LEAD_COMPANY]);
    await savePeople(tx, LEAD_PEOPLE);
  });
  client = matrixClient(service.api, await tokensOfActors(service));

  const shared = await newSharedIcp();
  const strangersIcp = await newIcp('stranger', []);
  const saveV2 = async (externalUserId: string | undefined) => {
    const body = { ...withExternalUserId(externalUserId), people: { jobTitles: ['CTO'] } };
    const saved = await rest('owner', 'POST', `${V2}/icp`, body);
    expect(saved.status, saved.text).toBe(201);
    return saved.body;
  };
  fixtures = {
    shared,
    sharedList: await newLeadList('owner', shared),
    handList: await newHandList('owner', { userIds: [TEAMMATE] }),
    strangersIcp,
    strangersList: await newLeadList('stranger', strangersIcp),
    v2Read: await saveV2(V2_READ),
    v2Own: await saveV2(undefined),
  };
  await saveV2(V2_WRITE);
});

afterAll(async () => {
  if (client !== undefined) {
    reportFigures('cross-user matrix', { requestsSent: client.requestsSent() });
  }
  await service?.stop();
});

describe('the cross-user matrix: every endpoint x every actor', () => {
  it.each(ROWS)('$label', async ({ endpoint, actor, status }) => {
    const probe = await endpoint.probe();
    const before = (await probe.targetState?.()) ?? {};
    const response = await probe.send(actor);
    expect(response.status, response.text).toBe(status);
    const after = (await probe.targetState?.()) ?? {};

    if (status === endpoint.allowedStatus) {
      const data = endpoint.transport === 'trpc' ? response.body.result.data : response.body;
      await probe.allowed({ actor, response, data, before, after });
    } else {
      expectRefusal(endpoint, response, status, probe.secret);
      expect(after).toEqual(before);
    }
  });
});

describe('the matrix leaves no endpoint out', () => {
  it('has rows for every operation of the OpenAPI document; the rest answer without a token', async () => {
    const document = await rest('noToken', 'GET', '/api/v1/openapi.json');
    expect(document.status).toBe(200);

    const secured: string[] = [];
    const open: string[] = [];
    for (const [path, item] of Object.entries<Record<string, Json>>(document.body.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        (operation.security?.length === 0 ? open : secured).push(name);
      }
    }
    const covered = REST_ENDPOINTS.map((endpoint) => endpoint.operation);
    expect([...new Set(covered)].sort()).toEqual(secured.sort());

    expect(open).toContain('GET /healthz');
    for (const name of open) {
      const [method = '', path = ''] = name.split(' ');
      const response = await rest('noToken', method, path);
      expect(response.status, `${name}: ${response.text}`).toBe(200);
    }
  });

  it('has rows for every procedure of the tRPC app router', () => {
    const covered = TRPC_ENDPOINTS.map((endpoint) => endpoint.operation);
    expect([...new Set(covered)].sort()).toEqual([...PROCEDURE_PATHS].sort());
  });
});
