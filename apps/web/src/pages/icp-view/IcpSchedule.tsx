import type { Icp, ScheduleSetResult } from '@icp/schema';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { icpStatus } from '../../icp/icp-status';
import { countOf } from '../../icp/text';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ScheduleDeliveries } from './ScheduleDeliveries';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleSummary } from './ScheduleSummary';
import { StopScheduleButton } from './StopScheduleButton';
import { WebhookAttempts } from './WebhookAttempts';
import { WebhookSecretNotice } from './WebhookSecretNotice';
import './schedule.css';

/**
 * "Delivery schedule": a lead list delivered every day, week or month while the profile is
 * active, optionally posted to a webhook. Set, changed and stopped here by any member.
 */
export function IcpSchedule({ icp }: { icp: Pick<Icp, 'id' | 'leadsPerList' | 'activeUntil'> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const getKey = trpc.schedules.get.queryKey({ id: icp.id });
  const query = useQuery(trpc.schedules.get.queryOptions({ id: icp.id }));
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const saved = ({ webhookSecret, ...schedule }: ScheduleSetResult) => {
    const sameWebhook =
      schedule.webhookUrl !== null && schedule.webhookUrl === query.data?.webhookUrl;
    queryClient.setQueryData(getKey, schedule);
    // A secret not yet dismissed stays while the URL it signs for does.
    setSecret((shown) => webhookSecret ?? (sameWebhook ? shown : null));
    setEditing(false);
    setNotice('Schedule saved.');
  };
  const stopped = () => {
    setSecret(null);
    setNotice('Schedule stopped. The lists it delivered stay.');
  };

  const failure = query.isError ? toApiError(query.error) : null;
  const noSchedule = failure?.code === 'NOT_FOUND';
  // A refetch that finds none keeps the data from before: the schedule was stopped meanwhile.
  const schedule = noSchedule ? null : (query.data ?? null);
  const expired = !icpStatus(icp).active;

  return (
    <section className="card icp-view__section" aria-labelledby="icp-schedule-title">
      <div className="icp-view__section-header">
        <div>
          <h2 id="icp-schedule-title" className="card__title">
            Delivery schedule
          </h2>
          <p className="icp-view__section-subtitle">
            Deliver a list of {countOf(icp.leadsPerList, 'lead')} every day, week or month while the
            profile is active, found as “Generate lead list” finds them.
          </p>
        </div>
        {schedule !== null && !editing && (
          <div className="schedule__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              Change
            </button>
            <StopScheduleButton
              icpId={icp.id}
              deliveredCount={schedule.deliveries.length}
              onStopped={stopped}
            />
          </div>
        )}
      </div>
      <output className="schedule__notice" aria-live="polite">
        {notice !== null && <span className="outcome__text">{notice}</span>}
      </output>
      {secret !== null && <WebhookSecretNotice secret={secret} onDone={() => setSecret(null)} />}
      {query.isPending ? (
        <p className="muted">Loading the schedule…</p>
      ) : failure !== null && !noSchedule ? (
        <ErrorBanner error={failure} title="The schedule could not be loaded" />
      ) : schedule === null ? (
        <>
          <p className="schedule__empty">This profile has no schedule yet.</p>
          {expired && (
            <p className="icp-view__hint">
              This profile has expired, so a schedule delivers nothing until its “Active until” date
              is moved later.
            </p>
          )}
          <ScheduleForm icpId={icp.id} current={null} onSaved={saved} />
        </>
      ) : editing ? (
        <ScheduleForm
          icpId={icp.id}
          current={schedule}
          onSaved={saved}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <ScheduleSummary schedule={schedule} />
          <ScheduleDeliveries deliveries={schedule.deliveries} timezone={schedule.timezone} />
          {/* Attempts stay recorded once the webhook is removed. */}
          {(schedule.webhookUrl !== null || schedule.webhookAttempts.length > 0) && (
            <WebhookAttempts attempts={schedule.webhookAttempts} />
          )}
        </>
      )}
    </section>
  );
}
