import { useId } from 'react';

/** A block of code (a command, a JSON document) named for screen readers by its caption. */
export function CodeFigure({ caption, code }: { caption: string; code: string }) {
  const captionId = useId();
  return (
    <figure className="code-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className="visually-hidden">
        {caption}
      </figcaption>
      <pre className="code-block">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
