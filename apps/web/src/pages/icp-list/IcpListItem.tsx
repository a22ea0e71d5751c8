import type { Icp } from '@icp/schema';
import { Link } from 'wouter';
import { formatDate } from '../../icp/dates';
import { icpStatus } from '../../icp/icp-status';
import { summarizeIcp } from '../../icp/icp-summary';
import { sharingOf } from '../../icp/sharing-label';
import { formatCount, shortenText } from '../../icp/text';

const TARGETING_LENGTH = 160;

import { Badge } from '../../ui/Badge';

/** One row of the profile list; a card on narrow screens. */
export function IcpListItem({
  icp,
  viewerId,
  now,
}: {
  icp: Icp;
  viewerId: string | null;
  now: Date;
}) {
  const status = icpStatus(icp, now);
  const sharing = sharingOf(icp.userIds, viewerId);
  // Who it targets in words, as the profile page says it, shortened to fit a row.
  const targeting = shortenText(summarizeIcp(icp).headline, TARGETING_LENGTH);

  return (
    <li className="icp-row">
      <div className="icp-row__main">
        <h2 className="icp-row__name">
          <Link href={`/icps/${encodeURIComponent(icp.id)}`}>{icp.name}</Link>
        </h2>
        {icp.description ? (
          <p className="icp-row__description">{icp.description}</p>
        ) : (
          <p className="icp-row__description icp-row__description--empty">No description</p>
        )}
      </div>
      <dl className="icp-row__facts">
        <div className="icp-row__fact">
          <dt>Targeting</dt>
          <dd>{targeting}</dd>
        </div>
        <div className="icp-row__fact">
          <dt>Leads per list</dt>
          <dd>{formatCount(icp.leadsPerList)}</dd>
        </div>
        <div className="icp-row__fact">
          <dt>Shared with</dt>
          <dd>
            <span className="icp-row__sharing">{sharing.label}</span>
            {sharing.others.length > 0 && (
              <span className="icp-row__ids" title={sharing.others.join(', ')}>
                {sharing.others.join(', ')}
              </span>
            )}
          </dd>
        </div>
        <div className="icp-row__fact">
          <dt>Status</dt>
          <dd className="icp-row__status">
            <Badge tone={status.tone}>{status.label}</Badge>
            {icp.activeUntil !== null && (
              <span className="icp-row__until">
                {status.active ? 'Until' : 'Ended'}{' '}
                <time dateTime={icp.activeUntil}>{formatDate(icp.activeUntil)}</time>
              </span>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}
