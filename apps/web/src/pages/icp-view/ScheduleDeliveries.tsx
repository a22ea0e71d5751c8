import type { Schedule } from '@icp/schema';
import { Link } from 'wouter';
import { formatDateTime } from '../../icp/dates';
import { periodText } from './schedule-text';

/** The periods the schedule delivered, newest first, each with its list. */
export function ScheduleDeliveries({
  deliveries,
  timezone,
}: Pick<Schedule, 'deliveries' | 'timezone'>) {
  return (
    <div className="schedule-part">
      <h3 className="schedule-part__title" id="schedule-deliveries-title">
        Delivered lists
      </h3>
      {deliveries.length === 0 ? (
        <p className="muted">No lists delivered yet.</p>
      ) : (
        <div className="schedule-table__frame">
          <table className="data-table schedule-table" aria-labelledby="schedule-deliveries-title">
            <thead>
              <tr>
                <th scope="col">Period ({timezone})</th>
                <th scope="col">Delivered</th>
                <th scope="col">List</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => {
                const period = periodText(delivery.periodStart, delivery.periodEnd, timezone);
                return (
                  <tr key={delivery.periodStart}>
                    <td data-label="Period">{period}</td>
                    <td data-label="Delivered">
                      <time dateTime={delivery.deliveredAt}>
                        {formatDateTime(delivery.deliveredAt)}
                      </time>
                    </td>
                    <td data-label="List">
                      {delivery.leadListId === null ? (
                        <span className="muted">Deleted</span>
                      ) : (
                        <Link href={`/lead-lists/${encodeURIComponent(delivery.leadListId)}`}>
                          Open list<span className="visually-hidden"> of {period}</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
