import { type ReactNode, useId } from 'react';
import { FormErrors } from './FormErrors';

/**
 * One entry of a repeatable list (a lead search, a filter, a condition): a region named by its
 * title, with a remove button whose accessible name says which entry it removes.
 */
export function FormItem({
  itemKey,
  title,
  kind,
  removeLabel,
  onRemove,
  errors,
  children,
}: {
  itemKey: string;
  title: string;
  /** What sort of entry this is, shown beside the title. */
  kind?: ReactNode;
  removeLabel: string;
  onRemove: () => void;
  errors?: readonly string[] | undefined;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className="form-item" aria-labelledby={titleId} data-item-key={itemKey}>
      <div className="form-item__header">
        <h3 className="form-item__title">
          <span id={titleId}>{title}</span>
          {kind !== undefined && <span className="form-item__kind">{kind}</span>}
        </h3>
        <button
          type="button"
          className="button button--ghost button--small form-item__remove"
          aria-label={removeLabel}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
      <FormErrors messages={errors} />
      {children}
    </section>
  );
}
