import type { Lead, LeadPreview } from '@icp/schema';
import { useId } from 'react';
import type { ApiError } from '../../api/api-error';
import { plainMessage } from '../../api/plain-message';
import { countOf, formatCount } from '../../icp/text';
import { countryName, personName } from '../../leads/lead-text';
import { MatchNotes } from '../../leads/MatchNotes';
import { type PreviewReadiness, placeOf } from './preview-criteria';
import { crmText, notCountedText } from './preview-text';
import type { DraftPreview } from './use-draft-preview';

const PROBLEMS_SHOWN = 3;

/** The id of the panel, for the summary that leads to it on small screens. */
export const MATCHING_PEOPLE_ID = 'matching-people';

/**
 * "Matching people": how many people of the lead database the searches being edited find, how
 * many leads a list of the profile's size would hold after the filters, whether the CRM is
 * searched, and the first leads found, kept up to date as the form changes. Nothing is saved.
 */
export function MatchingPeoplePanel({
  readiness,
  draftPreview: { preview, error, stale, retry },
}: {
  readiness: PreviewReadiness;
  draftPreview: DraftPreview;
}) {
  const headingId = useId();
  const ready = readiness.kind === 'ready';

  return (
    <aside
      id={MATCHING_PEOPLE_ID}
      tabIndex={-1}
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
      <div className="matching-people__status" role="status" aria-live="polite">
        {statusOf(readiness, preview, error)}
      </div>
      {readiness.kind === 'invalid' && <Problems problems={readiness.problems} />}
      {ready && error !== null && <PreviewFailure error={error} onRetry={retry} />}
      {ready && error === null && preview !== null && (
        <div className="matching-people__body">
          <p className="matching-people__crm">{crmText(preview.crmSourcing)}</p>
          {preview.list !== undefined && (
            <NotCounted
              notCounted={preview.list.notCounted}
              filterTypes={readiness.criteria.customFilterCriteria.map(({ type }) => type)}
            />
          )}
          <Hint readiness={readiness} preview={preview} />
          <Sample preview={preview} />
          <MatchNotes
            notes={{ notApplied: preview.notApplied, ignoredFilterKeys: preview.ignoredFilterKeys }}
          />
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
      return (
        <p>
          Add a lead search (job titles, countries, company size) or CRM sourcing to see who
          matches.
        </p>
      );
    case 'invalid':
      return <p>The preview waits until these problems are fixed:</p>;
    case 'ready': {
      if (error !== null) return <p>The preview is not available right now.</p>;
      if (preview === null) return <p>Counting the people who match…</p>;
      return (
        <>
          <p>
            <strong className="matching-people__count">{formatCount(preview.total)}</strong>{' '}
            {preview.total === 1 ? 'person matches' : 'people match'} the lead searches.
          </p>
          {preview.list !== undefined && (
            <p className="matching-people__list">
              <strong className="matching-people__list-count">
                {formatCount(preview.list.leadCount)}
              </strong>{' '}
              {preview.list.leadCount === 1 ? 'lead' : 'leads'} in a list of{' '}
              {formatCount(preview.list.requestedSize)}, after every filter that applies.
            </p>
          )}
        </>
      );
    }
  }
}

function NotCounted({
  notCounted,
  filterTypes,
}: {
  notCounted: readonly number[];
  filterTypes: readonly string[];
}) {
  const text = notCountedText(notCounted, filterTypes);
  return text === null ? null : <p className="matching-people__hint">{text}</p>;
}

/** What to change when the searches find no one, or everyone. */
function Hint({
  readiness,
  preview,
}: {
  readiness: Extract<PreviewReadiness, { kind: 'ready' }>;
  preview: LeadPreview;
}) {
  const { leadProviderCriteria } = readiness.criteria;
  let text: string | null = null;
  if (leadProviderCriteria.length === 0) {
    text =
      'Only CRM contacts are searched. Add a lead search to find people in the lead database too.';
  } else if (readiness.searchesWithoutValues.length > 0) {
    const names = readiness.searchesWithoutValues.map((index) => `Lead search ${index + 1}`);
    text = `${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} no values yet, so ${names.length === 1 ? 'it matches' : 'they match'} everyone: add job titles, countries or other values.`;
  } else if (preview.total === 0) {
    text =
      'No one in the lead database matches these searches. Try broader values: more countries, fewer words in a job title, or a wider company size.';
  }
  return text === null ? null : <p className="matching-people__hint">{text}</p>;
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
              <strong>{placeOf(detail.path)}:</strong> {plainMessage(detail.message)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{plainMessage(error.message)}</p>
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
  if (preview.total === 0 && preview.leads.length === 0) return null;
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
