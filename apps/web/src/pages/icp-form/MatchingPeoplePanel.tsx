import type { Lead, LeadPreview } from '@icp/schema';
import { useId } from 'react';
import type { ApiError } from '../../api/api-error';
import { countOf, formatCount } from '../../icp/text';
import { countryName, personName } from '../../leads/lead-text';
import { MatchNotes } from '../../leads/MatchNotes';
import { type PreviewReadiness, placeOf } from './preview-criteria';
import { useDraftPreview } from './use-draft-preview';

const PROBLEMS_SHOWN = 3;

/**
 * "Matching people": how many people of the lead database the searches being edited find, and the
 * first of them that pass the filters, kept up to date as the form changes. Nothing is saved.
 */
export function MatchingPeoplePanel({ readiness }: { readiness: PreviewReadiness }) {
  const headingId = useId();
  const ready = readiness.kind === 'ready';
  const { preview, error, stale, retry } = useDraftPreview(ready ? readiness.criteria : null);
  const hasFilters = ready && readiness.criteria.customFilterCriteria.length > 0;

  return (
    <aside
      className={`card matching-people${ready && stale ? ' matching-people--stale' : ''}`}
      aria-labelledby={headingId}
    >
      <div className="matching-people__header">
        <h2 id={headingId} className="card__title">
          Matching people
        </h2>
        {ready && stale && (preview !== null || error !== null) && (
          <span className="matching-people__updating">
            <span className="spinner spinner--small" aria-hidden="true" />
            Updating…
          </span>
        )}
      </div>
      <p className="matching-people__status" role="status" aria-live="polite">
        {statusOf(readiness, preview, error)}
      </p>
      {readiness.kind === 'invalid' && <Problems problems={readiness.problems} />}
      {ready && error !== null && <PreviewFailure error={error} onRetry={retry} />}
      {ready && error === null && preview !== null && (
        <div className="matching-people__body">
          {preview.total > 0 && hasFilters && (
            <p className="matching-people__hint">Counted before the filters after the search.</p>
          )}
          <Sample preview={preview} />
          <MatchNotes notes={preview} />
        </div>
      )}
    </aside>
  );
}

function statusOf(
  readiness: PreviewReadiness,
  preview: LeadPreview | null,
  error: ApiError | null,
) {
  switch (readiness.kind) {
    case 'no-searches':
      return 'Add a lead search to see how many people match.';
    case 'invalid':
      return 'The preview waits until these problems are fixed:';
    case 'ready':
      if (error !== null) return 'The preview is not available right now.';
      if (preview === null) return 'Counting the people who match…';
      return (
        <>
          <strong className="matching-people__count">{formatCount(preview.total)}</strong>{' '}
          {preview.total === 1 ? 'person matches' : 'people match'} the lead searches
        </>
      );
  }
}

function Problems({ problems }: { problems: { place: string; message: string }[] }) {
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const more = problems.length - shown.length;
  return (
    <ul className="matching-people__problems">
      {shown.map(({ place, message }) => (
        <li key={`${place}: ${message}`}>
          <strong>{place}:</strong> {message}
        </li>
      ))}
      {more > 0 && <li>and {countOf(more, 'more problem')}</li>}
    </ul>
  );
}

function PreviewFailure({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <div className="matching-people__failure">
      {error.details.length > 0 ? (
        <ul className="matching-people__problems">
          {error.details.map((detail) => (
            <li key={`${detail.path.join('.')}: ${detail.message}`}>
              <strong>{placeOf(detail.path)}:</strong> {detail.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{error.message}</p>
      )}
      {error.code !== 'TOO_MANY_REQUESTS' && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function Sample({ preview }: { preview: LeadPreview }) {
  const titleId = useId();
  if (preview.total === 0) {
    return (
      <p className="matching-people__hint">
        No one in the lead database matches these searches. Try fewer filters or broader values.
      </p>
    );
  }
  if (preview.leads.length === 0) {
    return (
      <p className="matching-people__hint">
        None of the first people found pass the filters after the search.
      </p>
    );
  }
  return (
    <div className="lead-sample">
      <h3 className="lead-sample__title" id={titleId}>
        First matches
      </h3>
      <ul className="lead-sample__list" aria-labelledby={titleId}>
        {preview.leads.map((lead) => (
          <SampleLead key={lead.person.id} lead={lead} />
        ))}
      </ul>
    </div>
  );
}

function SampleLead({ lead: { person, company, reasons } }: { lead: Lead }) {
  const role = [person.jobTitle, company?.name].filter(Boolean).join(' at ');
  const country = countryName(person.country ?? company?.country ?? null);
  return (
    <li>
      <details className="lead-sample__item">
        <summary title={reasons.length > 0 ? `Why: ${reasons.join('; ')}` : undefined}>
          <span className="lead-sample__name">{personName(person)}</span>
          <span className="lead-sample__role">{role}</span>
          {country !== null && <span className="lead-sample__place">{country}</span>}
        </summary>
        {reasons.length > 0 ? (
          <ul className="lead-sample__reasons" aria-label="Why they match">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p className="lead-sample__reasons muted">Matched with no particular reason given.</p>
        )}
      </details>
    </li>
  );
}
