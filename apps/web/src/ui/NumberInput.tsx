import type { FieldControlProps } from './Field';

/**
 * A whole-number box whose value stays the text typed, so it may be empty or out of range until
 * the form is checked.
 */
export function NumberInput({
  value,
  onChange,
  control,
  min,
  max,
  placeholder,
}: {
  value: string;
  onChange: (next: string) => void;
  control: FieldControlProps;
  min?: number | undefined;
  max?: number | undefined;
  placeholder?: string;
}) {
  return (
    <input
      {...control}
      type="number"
      inputMode="numeric"
      step={1}
      min={min}
      max={max}
      className="input"
      value={value}
      placeholder={placeholder}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
