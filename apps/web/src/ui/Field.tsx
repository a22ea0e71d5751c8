import { type ReactNode, useId } from 'react';

/** What a field hands to its input so label, hint and error are announced together. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled form field: the label, the control, a hint and the errors that belong to it. Errors
 * are shown beside the control they concern, whether they came from the form or the server.
 */
export function Field({
  label,
  hint,
  errors,
  optional = false,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[] | undefined;
  optional?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const hasErrors = errors !== undefined && errors.length > 0;
  const errorId = hasErrors ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', hasErrors ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {children({
        id,
        ...(describedBy === undefined ? {} : { 'aria-describedby': describedBy }),
        ...(hasErrors ? { 'aria-invalid': true as const } : {}),
      })}
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {hasErrors && (
        <ul className="field__errors" id={errorId}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
