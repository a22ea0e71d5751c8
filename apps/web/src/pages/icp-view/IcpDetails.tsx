import type { Icp } from '@icp/schema';
import { formatDateTime } from '../../icp/dates';
import { icpStatus } from '../../icp/icp-status';
import { sharingOf } from '../../icp/sharing-label';
import { formatCount } from '../../icp/text';
import { CopyButton } from '../../ui/CopyButton';

function DateTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

/** The profile's settings and bookkeeping: list size, expiry, members, dates, id. */
export function IcpDetails({ icp, viewerId }: { icp: Icp; viewerId: string | null }) {
  const status = icpStatus(icp);
  const sharing = sharingOf(icp.userIds, viewerId);
  const members = [...new Set(icp.userIds)];

  return (
    <section className="card icp-view__section" aria-labelledby="icp-details-title">
      <h2 id="icp-details-title" className="card__title">
        Details
      </h2>
      <dl className="icp-details">
        <div className="icp-details__item">
          <dt>Expiry</dt>
          <dd>
            {icp.activeUntil === null ? (
              'None: it runs until an end date is set'
            ) : (
              <span>
                {status.active ? 'Active until' : 'Expired on'} <DateTime iso={icp.activeUntil} />
              </span>
            )}
          </dd>
        </div>
        <div className="icp-details__item">
          <dt>Leads per list</dt>
          <dd>{formatCount(icp.leadsPerList)}</dd>
        </div>
        <div className="icp-details__item">
          <dt>Shared with</dt>
          <dd>
            <span>{sharing.label}</span>
            <ul className="icp-details__members" aria-label="Members">
              {members.map((id) => (
                <li key={id}>
                  <code>{id}</code>
                  {id === viewerId && <span className="icp-details__you"> (you)</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="icp-details__item">
          <dt>Created</dt>
          <dd>
            <DateTime iso={icp.createdAt} />
          </dd>
        </div>
        <div className="icp-details__item">
          <dt>Last updated</dt>
          <dd>
            <DateTime iso={icp.updatedAt} />
          </dd>
        </div>
        <div className="icp-details__item">
          <dt>Profile id</dt>
          <dd className="icp-details__id">
            <code>{icp.id}</code>
            <CopyButton text={icp.id} label="Copy id" />
          </dd>
        </div>
      </dl>
    </section>
  );
}
