import type { Schedule } from '@icp/schema';
import { formatDateTime } from '../../icp/dates';
import { momentTexts, scheduleSummary } from './schedule-text';

/** What the schedule is, where its webhook goes, and when it delivers next (or why it ended). */
export function ScheduleSummary({ schedule }: { schedule: Schedule }) {
  return (
    <dl className="schedule-summary">
      <div className="schedule-summary__item">
        <dt>Schedule</dt>
        <dd>{scheduleSummary(schedule)}</dd>
      </div>
      <div className="schedule-summary__item">
        <dt>Next delivery</dt>
        <dd>
          {schedule.nextDeliveryAt !== null ? (
            <NextDelivery iso={schedule.nextDeliveryAt} timeZone={schedule.timezone} />
          ) : schedule.ended !== null ? (
            <span>
              None: the schedule ended on{' '}
              <time dateTime={schedule.ended.at}>{formatDateTime(schedule.ended.at)}</time>, when
              the profile’s “Active until” date passed. Move that date later to deliver again.
            </span>
          ) : (
            <span>None before the profile’s “Active until” date.</span>
          )}
        </dd>
      </div>
      <div className="schedule-summary__item">
        <dt>Webhook</dt>
        <dd className="schedule-summary__url">
          {schedule.webhookUrl ?? <span className="muted">None</span>}
        </dd>
      </div>
    </dl>
  );
}

function NextDelivery({ iso, timeZone }: { iso: string; timeZone: string }) {
  const { inZone, yourTime } = momentTexts(iso, timeZone);
  return (
    <time dateTime={iso} className="schedule-summary__moment">
      <span>{inZone}</span>
      {yourTime !== null && <span className="muted">{yourTime}</span>}
    </time>
  );
}
