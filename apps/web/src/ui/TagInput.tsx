import { type ClipboardEvent, type KeyboardEvent, useState } from 'react';
import type { FieldControlProps } from './Field';

/** Splits pasted or typed text into entries: commas, semicolons and new lines separate them. */
export function splitEntries(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/**
 * A list of strings edited as tags: Enter or a comma adds what was typed, Backspace in an empty
 * box removes the last tag, pasting a list adds each entry. Duplicates are ignored.
 */
export function TagInput({
  value,
  onChange,
  placeholder,
  control,
  suggestions,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  placeholder?: string;
  control: FieldControlProps;
  suggestions?: readonly string[];
}) {
  const [draft, setDraft] = useState('');
  const listId = suggestions === undefined ? undefined : `${control.id}-suggestions`;

  const add = (entries: string[]) => {
    const next = [...value];
    for (const entry of entries) if (!next.includes(entry)) next.push(entry);
    if (next.length !== value.length) onChange(next);
    setDraft('');
  };
  const remove = (index: number) => onChange(value.filter((_, at) => at !== index));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && draft.trim() !== '') {
      event.preventDefault();
      add(splitEntries(draft));
    } else if (event.key === 'Enter') {
      event.preventDefault();
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      remove(value.length - 1);
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (/[,;\n]/.test(text)) {
      event.preventDefault();
      add(splitEntries(draft + text));
    }
  };

  return (
    <div className="tag-input">
      {value.length > 0 && (
        <ul className="tag-input__tags">
          {value.map((tag, index) => (
            <li key={tag} className="tag">
              <span className="tag__text">{tag}</span>
              <button
                type="button"
                className="tag__remove"
                aria-label={`Remove ${tag}`}
                onClick={() => remove(index)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        {...control}
        className="input tag-input__input"
        value={draft}
        placeholder={placeholder}
        list={listId}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => draft.trim() !== '' && add(splitEntries(draft))}
      />
      {suggestions !== undefined && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </div>
  );
}
