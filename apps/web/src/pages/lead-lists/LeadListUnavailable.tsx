import { Link } from 'wouter';

/** A full page for a lead list that cannot be shown: missing, or its profile not shared. */
export function LeadListUnavailable({ reason }: { reason: 'not-found' | 'forbidden' }) {
  return (
    <section className="empty-state" aria-labelledby="lead-list-unavailable-title">
      {reason === 'not-found' ? (
        <>
          <h1 id="lead-list-unavailable-title">Lead list not found</h1>
          <p>
            There is no lead list at this address. It may have been deleted, or the link may be
            incomplete.
          </p>
        </>
      ) : (
        <>
          <h1 id="lead-list-unavailable-title">You do not have access to this lead list</h1>
          <p>
            Lead lists are shared with the users of their profile. Ask one of them to add you to it.
          </p>
        </>
      )}
      <Link href="/lead-lists" className="button button--primary">
        Back to lead lists
      </Link>
    </section>
  );
}
