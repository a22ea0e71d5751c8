import { useId } from 'react';

/** A block of code (a command, a JSON document) named for screen readers by its caption. */
export function CodeFigure({ caption, code }: { caption: string; code: string }) {
  const captionId = useId();
  return (
    <figure className="code-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className="visually-hidden">
        {caption}
      </figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a block wider or longer than its frame scrolls, so the keyboard must reach it */}
      <pre className="code-block" tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
