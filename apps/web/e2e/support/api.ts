import type { IcpCreateInput } from '@icp/schema';

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

/** Creates a profile as `userId` through the REST API, for tests that start from one. */
export async function createIcpAs(
  baseUrl: string,
  userId: string,
  body: IcpCreateInput,
): Promise<{ id: string }> {
  const token = await localToken(baseUrl, userId);
  const response = await fetch(`${baseUrl}/api/v1/entities/icps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create failed: ${await response.text()}`);
  return (await response.json()) as { id: string };
}
