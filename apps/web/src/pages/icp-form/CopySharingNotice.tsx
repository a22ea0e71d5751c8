import { useState } from 'react';
import { joinWords } from '../../icp/text';

/**
 * On a duplicate: says that the copy is shared with the same people as the original, and lets
 * the user keep that or clear it (the copy is then theirs alone).
 */
export function CopySharingNotice({
  sourceName,
  others,
  onClear,
}: {
  sourceName: string;
  /** The original's members other than the signed-in user. */
  others: readonly string[];
  onClear: () => void;
}) {
  const [choice, setChoice] = useState<'open' | 'kept' | 'cleared'>('open');
  if (others.length === 0) return null;
  const people = joinWords([...others], 'and');
  if (choice === 'cleared') {
    return (
      <p className="alert alert--info" role="status">
        Sharing cleared: only you will have the copy. Add teammates under “Share with” if you like.
      </p>
    );
  }
  if (choice === 'kept') {
    return (
      <p className="alert alert--info" role="status">
        The copy will be shared with {people}, as “{sourceName}” is.
      </p>
    );
  }
  return (
    <section className="alert alert--info" aria-label="Sharing of the copy">
      <strong className="alert__title">The copy is shared like the original</strong>
      <p className="alert__body">
        Like “{sourceName}”, the copy will be shared with {people}: they can see, edit and delete
        it.
      </p>
      <div className="alert__actions row row--tight">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setChoice('kept')}
        >
          Keep sharing
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            onClear();
            setChoice('cleared');
          }}
        >
          Clear sharing
        </button>
      </div>
    </section>
  );
}
