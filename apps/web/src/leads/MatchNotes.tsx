import { matchNoteTexts, type MatchNotes as Notes } from './lead-text';

/**
 * Filters that were not applied and provider keys that were ignored, said plainly: the leads
 * shown were not checked against them.
 */
export function MatchNotes({
  notes,
  label = 'Notes on matching',
}: {
  notes: Notes;
  label?: string;
}) {
  const texts = matchNoteTexts(notes);
  if (texts.length === 0) return null;
  return (
    <ul className="match-notes" aria-label={label}>
      {texts.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}
