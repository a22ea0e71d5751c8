import type { ApiError } from '../api/api-error';
import { plainMessage } from '../api/plain-message';

const titles: Partial<Record<ApiError['code'], string>> = {
  BAD_REQUEST: 'Some fields need attention',
  FORBIDDEN: 'You do not have access',
  NOT_FOUND: 'Not found',
  PRECONDITION_FAILED: 'Someone else changed this profile',
  TOO_MANY_REQUESTS: 'Too many requests',
  SERVICE_UNAVAILABLE: 'The service is busy',
  NETWORK_ERROR: 'No connection',
};

/** A failed call, said plainly, with the server's own message in the app's words. */
export function ErrorBanner({ error, title }: { error: ApiError; title?: string }) {
  return (
    <div className="alert alert--error" role="alert">
      <strong className="alert__title">
        {title ?? titles[error.code] ?? 'Something went wrong'}
      </strong>
      <p className="alert__body">{plainMessage(error.message)}</p>
    </div>
  );
}
