import type { IcpCreateInput, LeadListCreateInput } from '@icp/schema';

/** A local-mode token for `userId`, as the sign-in page gets it. */
async function localToken(baseUrl: string, userId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.localSignIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`local sign-in failed: ${response.status}`);
  const { result } = (await response.json()) as { result: { data: { token: string } } };
  return result.data.token;
}

/** POSTs `body` with `token` to the REST API's `path`, expecting it created. */
async function create(baseUrl: string, token: string, path: string, body: unknown) {
  const response = await fetch(`${baseUrl}/api/v1/entities/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create failed: ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** Creates a profile as `userId` through the REST API, for tests that start from one. */
export async function createIcpAs(
  baseUrl: string,
  userId: string,
  body: IcpCreateInput,
): Promise<{ id: string }> {
  return create(baseUrl, await localToken(baseUrl, userId), 'icps', body);
}

/** Makes lead lists by hand as `userId` through the REST API, one after another. */
export async function createLeadListsAs(
  baseUrl: string,
  userId: string,
  bodies: readonly LeadListCreateInput[],
): Promise<{ id: string }[]> {
  // One sign-in for them all: sign-ins share the address's rate limit with every other test.
  const token = await localToken(baseUrl, userId);
  const created: { id: string }[] = [];
  for (const body of bodies) created.push(await create(baseUrl, token, 'leadlists', body));
  return created;
}
