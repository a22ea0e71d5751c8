import { Link } from 'wouter';

/** A full page for a profile that cannot be shown: missing, or not shared with this user. */
export function IcpUnavailable({
  reason,
  userId,
}: {
  reason: 'not-found' | 'forbidden';
  userId: string | null;
}) {
  return (
    <section className="empty-state icp-unavailable" aria-labelledby="icp-unavailable-title">
      {reason === 'not-found' ? (
        <>
          <h1 id="icp-unavailable-title">Profile not found</h1>
          <p>
            There is no profile at this address. It may have been deleted, or the link may be
            incomplete.
          </p>
        </>
      ) : (
        <>
          <h1 id="icp-unavailable-title">You do not have access to this profile</h1>
          <p>
            It is shared with other users only. Ask one of them to add your user id
            {userId === null ? null : (
              <>
                {' '}
                <code className="icp-unavailable__id">{userId}</code>
              </>
            )}{' '}
            to it.
          </p>
        </>
      )}
      <Link href="/" className="button button--primary">
        Back to your profiles
      </Link>
    </section>
  );
}
