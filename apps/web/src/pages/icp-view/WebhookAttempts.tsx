import type { WebhookAttemptRecord } from '@icp/schema';
import { formatDateTime } from '../../icp/dates';
import { Badge } from '../../ui/Badge';

const NONE = '—';

function Result({ attempt }: { attempt: WebhookAttemptRecord }) {
  if (attempt.status !== null) {
    const ok = attempt.status >= 200 && attempt.status < 300;
    return <Badge tone={ok ? 'success' : 'danger'}>HTTP {attempt.status}</Badge>;
  }
  // The sender's own words, as recorded: error codes such as ERR_TLS_CERT_ALTNAME_INVALID are
  // what a receiver's operator searches for (the API's message cleaning would hide them).
  return <span className="schedule-table__error">{attempt.error ?? 'No answer'}</span>;
}

/** The webhook's attempts, newest first: when, which try, what came back, when it is tried again. */
export function WebhookAttempts({ attempts }: { attempts: readonly WebhookAttemptRecord[] }) {
  return (
    <div className="schedule-part">
      <h3 className="schedule-part__title" id="schedule-attempts-title">
        Webhook attempts
      </h3>
      {attempts.length === 0 ? (
        <p className="muted">No attempts yet. The first is made when a list is delivered.</p>
      ) : (
        <div className="schedule-table__frame">
          <table className="data-table schedule-table" aria-labelledby="schedule-attempts-title">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Attempt</th>
                <th scope="col">Result</th>
                <th scope="col">Next retry</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((attempt) => (
                <tr key={`${attempt.messageId}:${attempt.attempt}`}>
                  <td data-label="Time">
                    <time dateTime={attempt.attemptedAt}>
                      {formatDateTime(attempt.attemptedAt)}
                    </time>
                  </td>
                  <td data-label="Attempt">#{attempt.attempt}</td>
                  <td data-label="Result">
                    <Result attempt={attempt} />
                  </td>
                  <td data-label="Next retry">
                    {attempt.nextRetryAt === null ? (
                      NONE
                    ) : (
                      <time dateTime={attempt.nextRetryAt}>
                        {formatDateTime(attempt.nextRetryAt)}
                      </time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
