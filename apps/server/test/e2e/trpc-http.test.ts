import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icpBody } from '../support/icp-bodies.js';
import { startTestService, type TestService } from '../support/test-service.js';

describe('the tRPC endpoint the web app uses', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService();
    token = await service.tokenFor('web-user');
  });
  afterAll(() => service.stop());

  it('creates and lists through the same procedures as REST', async () => {
    const created = await service.api('POST', '/trpc/icp.create', {
      token,
      body: { body: icpBody({ name: 'Via tRPC' }) },
    });
    const listed = await service.api('GET', '/api/v1/entities/icps', { token });

    expect(created.status).toBe(200);
    expect(created.body.result.data.icp.name).toBe('Via tRPC');
    expect(created.body.result.data.etag).toMatch(/^"/);
    expect(listed.body.map((icp: { name: string }) => icp.name)).toEqual(['Via tRPC']);
  });

  it('a validation error carries the API code and details relative to the body', async () => {
    const response = await service.api('POST', '/trpc/icp.create', {
      token,
      body: { body: icpBody({ leadsPerList: 0 }) },
    });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Invalid request body');
    expect(response.body.error.data).toMatchObject({
      appCode: 'BAD_REQUEST',
      httpStatus: 400,
      details: [{ path: ['leadsPerList'], message: expect.any(String) }],
    });
    expect(response.body.error.data.stack).toBeUndefined();
  });

  it('refuses an anonymous caller with 401, and tells who is signed in', async () => {
    const anonymous = await service.api('GET', '/trpc/icp.list');
    const session = await service.api('GET', '/trpc/auth.session', { token });

    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.data.appCode).toBe('UNAUTHORIZED');
    expect(session.body.result.data).toEqual({
      mode: 'local',
      user: { id: 'web-user', isAdmin: false },
    });
  });
});
