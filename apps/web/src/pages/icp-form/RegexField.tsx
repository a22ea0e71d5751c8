import { regexCompileError } from '@icp/schema';
import { useState } from 'react';
import { Field } from '../../ui/Field';
import { uniqueMessages } from './form-errors';

/**
 * The pattern of a `matchFieldWithRegex` filter. It says at once whether the pattern compiles (as
 * `new RegExp(pattern)`, without flags, like the server) and whether a sample value matches.
 */
export function RegexField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (next: string) => void;
  errors?: readonly string[] | undefined;
}) {
  const [sample, setSample] = useState('');
  const compileError = regexCompileError(value);
  const messages = uniqueMessages(compileError === null ? [] : [compileError], errors);
  const pattern = compileError === null && value !== '' ? new RegExp(value) : null;
  return (
    <div className="regex-field">
      <Field
        label="Pattern"
        hint="A JavaScript regular expression without slashes or flags, such as ^(?!.*Test).*$"
        errors={messages}
      >
        {(control) => (
          <input
            {...control}
            className="input input--code"
            spellCheck={false}
            autoComplete="off"
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </Field>
      <output className="regex-field__status" aria-live="polite">
        {value === '' ? null : compileError === null ? (
          <span className="status status--ok">Pattern compiles</span>
        ) : (
          <span className="status status--bad">Pattern does not compile</span>
        )}
      </output>
      <Field label="Sample value" optional hint="Try the pattern on a value; not saved.">
        {(control) => (
          <input
            {...control}
            className="input"
            spellCheck={false}
            autoComplete="off"
            value={sample}
            onChange={(event) => setSample(event.target.value)}
          />
        )}
      </Field>
      <output className="regex-field__status" aria-live="polite">
        {pattern === null || sample === '' ? null : pattern.test(sample) ? (
          <span className="status status--ok">Sample matches</span>
        ) : (
          <span className="status status--bad">Sample does not match</span>
        )}
      </output>
    </div>
  );
}
