import { type ReactNode, useId } from 'react';
import { FormErrors } from './FormErrors';

/** One card of the form: a heading that names the region, a short explanation, its fields. */
export function FormSection({
  title,
  subtitle,
  errors,
  children,
}: {
  title: string;
  subtitle: ReactNode;
  /** Errors about the section as a whole, such as a list that is too long. */
  errors?: readonly string[] | undefined;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="card form-section" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {title}
      </h2>
      <p className="card__subtitle">{subtitle}</p>
      <div className="stack">
        <FormErrors messages={errors} />
        {children}
      </div>
    </section>
  );
}
