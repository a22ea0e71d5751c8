import { CopyButton } from '../../ui/CopyButton';

/** The webhook's signing secret, shown once, right after the save that made it. */
export function WebhookSecretNotice({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <div className="alert alert--warning schedule-secret" role="status">
      <strong className="alert__title">Keep the webhook’s signing secret</strong>
      <p className="alert__body">
        Your webhook endpoint uses it to verify the Standard Webhooks signature of each message. It
        will not be shown again: copy it now. Changing the URL makes a new one.
      </p>
      <div className="schedule-secret__value">
        <code>{secret}</code>
        <CopyButton text={secret} label="Copy secret" />
      </div>
      <div className="alert__actions">
        <button type="button" className="button button--secondary button--small" onClick={onDone}>
          I have kept it
        </button>
      </div>
    </div>
  );
}
