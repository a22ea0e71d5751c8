import type { TestService } from './test-service.js';

export const OWNER = 'user_owner';
export const TEAMMATE = 'user_teammate';
export const STRANGER = 'user_stranger';
export const ADMIN = 'user_admin';

/** The users an ICP of the owner's is shared with (its `userIds`). */
export const MEMBERS: readonly string[] = [TEAMMATE, OWNER];

/** Everyone who calls the API in the cross-user matrix. */
export const ACTORS = [
  'owner',
  'teammate',
  'teammateKey',
  'stranger',
  'strangerKey',
  'admin',
  'noToken',
  'garbageToken',
] as const;

export type Actor = (typeof ACTORS)[number];

/** The user each actor authenticates as; null for those who do not authenticate. */
export const USER_OF: Record<Actor, string | null> = {
  owner: OWNER,
  teammate: TEAMMATE,
  teammateKey: TEAMMATE,
  stranger: STRANGER,
  strangerKey: STRANGER,
  admin: ADMIN,
  noToken: null,
  garbageToken: null,
};

/**
 * Who the access rules let through:
 * - `public`: anyone, signed in or not;
 * - `signedIn`: any authenticated caller, each acting on what is theirs;
 * - `sharedIcp`: the members of the owner's shared ICP and admins (its lead lists alike);
 * - `ownerAccount`: the owner's account alone (v2 recommendations; admins included in "no").
 */
export type Scope = 'public' | 'signedIn' | 'sharedIcp' | 'ownerAccount';

/** Whether the access rules let `actor` do what a row of `scope` does. */
export function mayPass(scope: Scope, actor: Actor): boolean {
  const user = USER_OF[actor];
  if (scope === 'public') return true;
  if (user === null) return false;
  if (scope === 'signedIn') return true;
  if (scope === 'sharedIcp') return MEMBERS.includes(user) || user === ADMIN;
  return user === OWNER;
}

/**
 * The status `actor` gets: the allowed one, or 401 without authentication, 403 on an ICP or lead
 * list the actor may not access, 404 where another account's data is simply not there for them.
 */
export function expectedStatus(scope: Scope, allowedStatus: number, actor: Actor): number {
  if (mayPass(scope, actor)) return allowedStatus;
  if (USER_OF[actor] === null) return 401;
  return scope === 'sharedIcp' ? 403 : 404;
}

/** The bearer token each actor sends; none for `noToken`. */
export async function tokensOfActors(
  service: TestService,
): Promise<Record<Actor, string | undefined>> {
  const ownerToken = await service.tokenFor(OWNER);
  const [header, claims] = ownerToken.split('.');
  const [, , strangersSignature] = (await service.tokenFor(STRANGER)).split('.');
  return {
    owner: ownerToken,
    teammate: await service.tokenFor(TEAMMATE),
    teammateKey: await service.apiKeyFor(TEAMMATE),
    stranger: await service.tokenFor(STRANGER),
    strangerKey: await service.apiKeyFor(STRANGER),
    admin: await service.tokenFor(ADMIN),
    noToken: undefined,
    // The owner's claims under a signature made for other claims: well-formed, but forged.
    garbageToken: `${header}.${claims}.${strangersSignature}`,
  };
}
