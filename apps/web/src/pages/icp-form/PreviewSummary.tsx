import { MATCHING_PEOPLE_ID } from './MatchingPeoplePanel';
import type { PreviewReadiness } from './preview-criteria';
import { compactSummary } from './preview-text';
import type { DraftPreview } from './use-draft-preview';

function summaryOf(readiness: PreviewReadiness, { preview, error }: DraftPreview): string {
  if (readiness.kind === 'no-searches') return 'No lead search yet';
  if (readiness.kind === 'invalid') return 'The preview waits for fixes';
  if (error !== null) return 'The preview is not available';
  if (preview === null) return 'Counting the people who match…';
  return compactSummary(preview);
}

/**
 * The "Matching people" panel in a few words, kept in view with the form's actions on screens
 * too narrow to show the panel beside the form; it leads to the panel.
 */
export function PreviewSummary({
  readiness,
  draftPreview,
}: {
  readiness: PreviewReadiness;
  draftPreview: DraftPreview;
}) {
  const show = () => {
    const panel = document.getElementById(MATCHING_PEOPLE_ID);
    if (panel === null) return;
    if (typeof panel.scrollIntoView === 'function') panel.scrollIntoView({ block: 'start' });
    panel.focus({ preventScroll: true });
  };
  return (
    <button
      type="button"
      className="preview-summary"
      aria-controls={MATCHING_PEOPLE_ID}
      onClick={show}
    >
      <span className="preview-summary__text">{summaryOf(readiness, draftPreview)}</span>
      <span className="preview-summary__action">
        Show matching people<span aria-hidden="true"> ↓</span>
      </span>
    </button>
  );
}
