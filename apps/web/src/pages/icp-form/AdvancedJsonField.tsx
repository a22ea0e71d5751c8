import { useState } from 'react';
import { Field } from '../../ui/Field';
import { uniqueMessages } from './form-errors';
import { parseAdvancedJson } from './icp-draft';

/**
 * Provider filter keys the form has no control for (legacy `job_titles`, `company_size`, newer
 * provider parameters), edited as a JSON object and saved exactly as written. Whether the text
 * parses is shown as it is typed.
 */
export function AdvancedJsonField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (next: string) => void;
  errors?: readonly string[] | undefined;
}) {
  const parsed = parseAdvancedJson(value);
  const messages = uniqueMessages(parsed.error === null ? [] : [parsed.error], errors);
  const [open, setOpen] = useState(value.trim() !== '');
  const keyCount = parsed.value === null ? 0 : Object.keys(parsed.value).length;
  return (
    <details
      className="advanced-json"
      // Kept open while it holds an error, so the error is never hidden.
      open={open || messages.length > 0}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="advanced-json__summary">
        Other provider filters
        <span className="muted">
          {parsed.value === null
            ? ' (not valid JSON)'
            : keyCount === 0
              ? ' (none)'
              : ` (${keyCount} ${keyCount === 1 ? 'key' : 'keys'})`}
        </span>
      </summary>
      <Field
        label="Advanced JSON"
        optional
        hint='A JSON object of filter keys the fields above do not cover, such as "job_titles" or "company_size". Saved exactly as written.'
        errors={messages}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea textarea--code"
            spellCheck={false}
            autoComplete="off"
            placeholder={'{\n  "job_titles": ["CTO"]\n}'}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </Field>
      {parsed.value !== null && keyCount > 0 && (
        <button
          type="button"
          className="button button--ghost button--small advanced-json__format"
          onClick={() => onChange(JSON.stringify(parsed.value, null, 2))}
        >
          Format JSON
        </button>
      )}
    </details>
  );
}
