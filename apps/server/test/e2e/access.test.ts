import { randomUUID } from 'node:crypto';
import type { ErrorEnvelope } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, RequestOptions } from '../support/api-client.js';
import { icpBody } from '../support/icp-bodies.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const OWNER = 'user_owner';
const TEAMMATE = 'user_teammate';
const STRANGER = 'user_stranger';
const ADMIN = 'admin_1';
const UNAUTHORIZED = { error: { code: 'UNAUTHORIZED', message: 'User not authenticated' } };

/** The signed-in callers and their user ids. */
const USERS_BY_CALLER = [
  ['owner', OWNER],
  ['teammate', TEAMMATE],
  ['stranger', STRANGER],
  ['admin', ADMIN],
] as const;

let service: TestService;
/** Bearer tokens by caller; `none` sends no Authorization header. */
const tokens: Record<string, string | undefined> = {};

type Caller = 'owner' | 'teammate' | 'stranger' | 'admin' | 'strangerKey' | 'teammateKey' | 'none';

/** Callers allowed to read, update and delete the shared ICP, and those who are not. */
const members = [
  ['the owner', 'owner'],
  ['the teammate', 'teammate'],
  ['the teammate with an API key', 'teammateKey'],
  ['an admin not in userIds', 'admin'],
] as const;
const strangers = [
  ['a stranger', 'stranger'],
  ['a stranger with an API key', 'strangerKey'],
] as const;

const call = (
  caller: Caller,
  method: string,
  path: string,
  options: Omit<RequestOptions, 'token'> = {},
) => service.api(method, path, { ...options, token: tokens[caller] });

/** A fresh ICP of the owner, shared with the teammate; its path, body and ETag. */
async function sharedIcp(name = `Shared ${randomUUID()}`) {
  const created = await call('owner', 'POST', ICPS, {
    body: icpBody({ name, userIds: [TEAMMATE] }),
  });
  expect(created.status).toBe(201);
  expect(created.body.userIds).toEqual([TEAMMATE, OWNER]);
  return {
    id: created.body.id as string,
    path: `${ICPS}/${created.body.id}`,
    icp: created.body,
    etag: created.headers.get('etag') as string,
  };
}

/** The ICP as stored, read straight from the database (no access rule involved). */
async function storedRow(id: string) {
  return service.db.selectFrom('icps').selectAll().where('id', '=', id).executeTakeFirst();
}

function expectError(response: ApiResponse<ErrorEnvelope>, status: number, code: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(Object.keys(response.body)).toEqual(['error']);
}

const listIds = async (caller: Caller) => {
  const response = await call(caller, 'GET', ICPS);
  expect(response.status).toBe(200);
  return (response.body as { id: string }[]).map((icp) => icp.id);
};

beforeAll(async () => {
  service = await startTestService({ ADMIN_USER_IDS: ADMIN });
  for (const [caller, userId] of USERS_BY_CALLER) {
    tokens[caller] = await service.tokenFor(userId);
  }
  tokens.strangerKey = await service.apiKeyFor(STRANGER);
  tokens.teammateKey = await service.apiKeyFor(TEAMMATE);
  tokens.none = undefined;
});

afterAll(async () => {
  await service?.stop();
});

describe('listing ICPs', () => {
  it('shows an ICP to its owner and to the teammate it is shared with', async () => {
    const { id } = await sharedIcp();
    expect(await listIds('owner')).toContain(id);
    expect(await listIds('teammate')).toContain(id);
    expect(await listIds('teammateKey')).toContain(id);
  });

  it('does not show it to a stranger, by token or by API key', async () => {
    const { id } = await sharedIcp();
    expect(await listIds('stranger')).not.toContain(id);
    expect(await listIds('strangerKey')).not.toContain(id);
  });

  it('does not show it to an admin who is not in its userIds', async () => {
    const { id } = await sharedIcp();
    expect(await listIds('admin')).not.toContain(id);
  });

  it('shows an admin the ICPs that hold the admin in userIds, and only those', async () => {
    const withAdmin = await call('owner', 'POST', ICPS, { body: icpBody({ userIds: [ADMIN] }) });
    expect(withAdmin.status).toBe(201);
    await sharedIcp();
    expect(await listIds('admin')).toEqual([withAdmin.body.id]);
  });

  it('answers 401 without a token', async () => {
    const response = await call('none', 'GET', ICPS);
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  it('lists for every user exactly the stored ICPs whose userIds hold that user', async () => {
    await sharedIcp();
    const rows = await service.db.selectFrom('icps').select(['id', 'user_ids']).execute();
    for (const [caller, userId] of USERS_BY_CALLER) {
      const expected = rows
        .filter((row) => (JSON.parse(row.user_ids) as string[]).includes(userId))
        .map((row) => row.id);
      expect((await listIds(caller)).sort()).toEqual(expected.sort());
    }
  });
});

describe('reading one ICP', () => {
  it.each(members)('lets %s read it', async (_who, caller) => {
    const shared = await sharedIcp();
    const response = await call(caller, 'GET', shared.path);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(shared.icp);
  });

  it.each(strangers)(
    '%s gets 403 on another user’s ICP, without any of its content',
    async (_who, caller) => {
      const shared = await sharedIcp();
      const response = await call(caller, 'GET', shared.path);
      expectError(response, 403, 'FORBIDDEN');
      expect(response.text).not.toContain(shared.icp.name);
      expect(response.headers.get('etag')).toBeNull();
    },
  );

  it('answers 401 without a token', async () => {
    const shared = await sharedIcp();
    const response = await call('none', 'GET', shared.path);
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  it('finds the ICP when its id is written in upper case', async () => {
    const shared = await sharedIcp();
    const response = await call('teammate', 'GET', `${ICPS}/${shared.id.toUpperCase()}`);
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(shared.id);
  });

  it.each(['owner', 'stranger', 'admin'] as const)(
    'answers the %s 404 for an id that does not exist',
    async (caller) => {
      expectError(await call(caller, 'GET', `${ICPS}/${randomUUID()}`), 404, 'NOT_FOUND');
    },
  );

  it.each(['not-a-uuid', '12345', `${randomUUID()}0`, randomUUID().replaceAll('-', '')])(
    'answers 404 for the id %s, which is not a UUID',
    async (id) => {
      expectError(await call('admin', 'GET', `${ICPS}/${id}`), 404, 'NOT_FOUND');
    },
  );
});

describe('updating one ICP', () => {
  it.each(members)('lets %s update it', async (_who, caller) => {
    const shared = await sharedIcp();
    const response = await call(caller, 'PATCH', shared.path, { body: { leadsPerList: 33 } });
    expect(response.status).toBe(200);
    expect(response.body.leadsPerList).toBe(33);
    expect((await storedRow(shared.id))?.leads_per_list).toBe(33);
  });

  it('keeps the userIds an admin did not touch (the admin is not added)', async () => {
    const shared = await sharedIcp();
    const response = await call('admin', 'PATCH', shared.path, { body: { name: 'Renamed' } });
    expect(response.status).toBe(200);
    expect(response.body.userIds).toEqual([TEAMMATE, OWNER]);
  });

  it.each(strangers)('%s gets 403 on a PATCH and changes nothing', async (_who, caller) => {
    const shared = await sharedIcp();
    const before = await storedRow(shared.id);
    const response = await call(caller, 'PATCH', shared.path, {
      body: { name: 'Taken over', userIds: [STRANGER] },
    });
    expectError(response, 403, 'FORBIDDEN');
    expect(await storedRow(shared.id)).toEqual(before);
  });

  it('answers 401 without a token and changes nothing', async () => {
    const shared = await sharedIcp();
    const before = await storedRow(shared.id);
    const response = await call('none', 'PATCH', shared.path, { body: { name: 'Anonymous' } });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED);
    expect(await storedRow(shared.id)).toEqual(before);
  });

  it('updates the ICP when its id is written in upper case', async () => {
    const shared = await sharedIcp();
    const response = await call('owner', 'PATCH', `${ICPS}/${shared.id.toUpperCase()}`, {
      body: { name: 'Upper-case path' },
    });
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(shared.id);
    expect((await storedRow(shared.id))?.name).toBe('Upper-case path');
  });

  it('answers 404 for an id that does not exist, or is not a UUID', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const response = await call('owner', 'PATCH', `${ICPS}/${id}`, { body: { name: 'x' } });
      expectError(response, 404, 'NOT_FOUND');
    }
  });
});

describe('deleting one ICP', () => {
  it.each(members)('lets %s delete it', async (_who, caller) => {
    const shared = await sharedIcp();
    const response = await call(caller, 'DELETE', shared.path);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(await storedRow(shared.id)).toBeUndefined();
    expectError(await call('owner', 'GET', shared.path), 404, 'NOT_FOUND');
    expect(await listIds('teammate')).not.toContain(shared.id);
  });

  it.each(strangers)('%s gets 403 on a DELETE and the ICP stays', async (_who, caller) => {
    const shared = await sharedIcp();
    const before = await storedRow(shared.id);
    expectError(await call(caller, 'DELETE', shared.path), 403, 'FORBIDDEN');
    expect(await storedRow(shared.id)).toEqual(before);
    expect(await listIds('owner')).toContain(shared.id);
  });

  it('answers 401 without a token and the ICP stays', async () => {
    const shared = await sharedIcp();
    const response = await call('none', 'DELETE', shared.path);
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED);
    expect(await storedRow(shared.id)).toBeDefined();
  });

  it('deletes the ICP when its id is written in upper case', async () => {
    const shared = await sharedIcp();
    const response = await call('teammate', 'DELETE', `${ICPS}/${shared.id.toUpperCase()}`);
    expect(response.status).toBe(204);
    expect(await storedRow(shared.id)).toBeUndefined();
  });

  it('answers 404 for an id that does not exist, or is not a UUID', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      expectError(await call('owner', 'DELETE', `${ICPS}/${id}`), 404, 'NOT_FOUND');
    }
  });

  it('answers 404 to a second delete of the same ICP', async () => {
    const shared = await sharedIcp();
    expect((await call('owner', 'DELETE', shared.path)).status).toBe(204);
    expectError(await call('owner', 'DELETE', shared.path), 404, 'NOT_FOUND');
  });
});

describe('the order of checks: 401, 404, 403, 412, then 400', () => {
  const invalid = { name: '', leadsPerList: 0 };
  const stale = { 'if-match': '"not-the-current-tag"' };

  it('answers 401 before 404: no token, an id that does not exist', async () => {
    const response = await call('none', 'PATCH', `${ICPS}/${randomUUID()}`, { body: invalid });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  it('answers 401 before 403 and 400: no token, an invalid body', async () => {
    const shared = await sharedIcp();
    const response = await call('none', 'PATCH', shared.path, { body: invalid, headers: stale });
    expect(response.status).toBe(401);
  });

  it('answers 404 before 400: an id that does not exist, an invalid body', async () => {
    const response = await call('owner', 'PATCH', `${ICPS}/${randomUUID()}`, { body: invalid });
    expectError(response, 404, 'NOT_FOUND');
  });

  it('a stranger sending an invalid PATCH body gets 403, not 400', async () => {
    const shared = await sharedIcp();
    const response = await call('stranger', 'PATCH', shared.path, { body: invalid });
    expectError(response, 403, 'FORBIDDEN');
  });

  it('a stranger with a stale If-Match gets 403, not 412', async () => {
    const shared = await sharedIcp();
    const patch = await call('stranger', 'PATCH', shared.path, {
      body: { name: 'x' },
      headers: stale,
    });
    expectError(patch, 403, 'FORBIDDEN');
    expectError(
      await call('stranger', 'DELETE', shared.path, { headers: stale }),
      403,
      'FORBIDDEN',
    );
  });

  it('a member with a stale If-Match and an invalid body gets 412 and changes nothing', async () => {
    const shared = await sharedIcp();
    const before = await storedRow(shared.id);
    const response = await call('teammate', 'PATCH', shared.path, {
      body: invalid,
      headers: stale,
    });
    expectError(response, 412, 'PRECONDITION_FAILED');
    expect(await storedRow(shared.id)).toEqual(before);
  });

  it('a member with the current If-Match and an invalid body gets 400', async () => {
    const shared = await sharedIcp();
    const response = await call('teammate', 'PATCH', shared.path, {
      body: invalid,
      headers: { 'if-match': shared.etag },
    });
    expectError(response, 400, 'BAD_REQUEST');
  });

  it('a member deleting with a stale If-Match gets 412 and the ICP stays', async () => {
    const shared = await sharedIcp();
    const response = await call('teammate', 'DELETE', shared.path, { headers: stale });
    expectError(response, 412, 'PRECONDITION_FAILED');
    expect(await storedRow(shared.id)).toBeDefined();
  });

  describe('with a body that is not JSON at all', () => {
    const malformed = { body: '{"name": ', headers: { 'content-type': 'application/json' } };

    it('a stranger sending malformed JSON gets 403, not 400', async () => {
      const shared = await sharedIcp();
      expectError(await call('stranger', 'PATCH', shared.path, malformed), 403, 'FORBIDDEN');
    });

    it('malformed JSON to an id that does not exist gets 404, not 400', async () => {
      const response = await call('owner', 'PATCH', `${ICPS}/${randomUUID()}`, malformed);
      expectError(response, 404, 'NOT_FOUND');
    });

    it('a member with a stale If-Match and malformed JSON gets 412, not 400', async () => {
      const shared = await sharedIcp();
      const response = await call('teammate', 'PATCH', shared.path, {
        ...malformed,
        headers: { ...malformed.headers, ...stale },
      });
      expectError(response, 412, 'PRECONDITION_FAILED');
    });

    it('a stranger sending a text/plain body gets 403, not 415', async () => {
      const shared = await sharedIcp();
      const response = await call('stranger', 'PATCH', shared.path, {
        body: '{"name":"x"}',
        headers: { 'content-type': 'text/plain' },
      });
      expectError(response, 403, 'FORBIDDEN');
    });
  });
});

describe('leaving an ICP', () => {
  it('a member who removes themselves from userIds loses access at once', async () => {
    const shared = await sharedIcp();
    const left = await call('teammate', 'PATCH', shared.path, { body: { userIds: [OWNER] } });
    expect(left.status).toBe(200);
    expect(left.body.userIds).toEqual([OWNER]);

    expect(await listIds('teammate')).not.toContain(shared.id);
    expectError(await call('teammate', 'GET', shared.path), 403, 'FORBIDDEN');
    expectError(await call('teammateKey', 'GET', shared.path), 403, 'FORBIDDEN');
    const rejoin = await call('teammate', 'PATCH', shared.path, {
      body: { userIds: [OWNER, TEAMMATE] },
    });
    expectError(rejoin, 403, 'FORBIDDEN');
    expectError(await call('teammate', 'DELETE', shared.path), 403, 'FORBIDDEN');

    expect(await listIds('owner')).toContain(shared.id);
    expect((await call('owner', 'GET', shared.path)).body.userIds).toEqual([OWNER]);
  });

  it('an owner who hands an ICP over to the teammate loses it, the teammate keeps it', async () => {
    const shared = await sharedIcp();
    const handed = await call('owner', 'PATCH', shared.path, { body: { userIds: [TEAMMATE] } });
    expect(handed.status).toBe(200);
    expect(await listIds('owner')).not.toContain(shared.id);
    expectError(await call('owner', 'GET', shared.path), 403, 'FORBIDDEN');
    expect((await call('teammate', 'GET', shared.path)).status).toBe(200);
  });

  it('a user added through PATCH gains access at once', async () => {
    const shared = await sharedIcp();
    expectError(await call('stranger', 'GET', shared.path), 403, 'FORBIDDEN');
    const added = await call('owner', 'PATCH', shared.path, {
      body: { userIds: [OWNER, TEAMMATE, STRANGER] },
    });
    expect(added.status).toBe(200);
    expect(await listIds('stranger')).toContain(shared.id);
    expect((await call('strangerKey', 'GET', shared.path)).status).toBe(200);
  });
});

describe('nothing crosses between users', () => {
  it('a stranger’s own ICP stays out of the owner’s and the teammate’s reach', async () => {
    const own = await call('stranger', 'POST', ICPS, { body: icpBody({ name: 'Stranger only' }) });
    expect(own.status).toBe(201);
    expect(own.body.userIds).toEqual([STRANGER]);
    const path = `${ICPS}/${own.body.id}`;
    for (const caller of ['owner', 'teammate', 'teammateKey'] as const) {
      expect(await listIds(caller)).not.toContain(own.body.id);
      expectError(await call(caller, 'GET', path), 403, 'FORBIDDEN');
    }
    expect(await listIds('strangerKey')).toContain(own.body.id);
  });

  it('an ICP created with an API key belongs to the key’s user', async () => {
    const created = await call('strangerKey', 'POST', ICPS, { body: icpBody() });
    expect(created.status).toBe(201);
    expect(created.body.userIds).toEqual([STRANGER]);
    expect(await listIds('stranger')).toContain(created.body.id);
    expect(await listIds('owner')).not.toContain(created.body.id);
  });
});
