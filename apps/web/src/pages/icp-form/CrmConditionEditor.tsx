import { crmFilterModes } from '@icp/schema';
import type { FieldErrors } from '../../api/api-error';
import { Field } from '../../ui/Field';
import { TagInput } from '../../ui/TagInput';
import { FormItem } from './FormItem';
import { errorsAt } from './form-errors';
import type { CrmConditionDraft, CrmConditionMode } from './icp-draft';

const modeLabels: Record<CrmConditionMode, string> = {
  equals: 'Equals',
  startsWith: 'Starts with',
  in: 'Is one of',
};

/** Carries the value over when the mode switches between one value and a list. */
function switchMode(
  condition: CrmConditionDraft,
  mode: CrmConditionMode,
): Partial<CrmConditionDraft> {
  if (mode === 'in' && condition.values.length === 0 && condition.value !== '') {
    return { mode, values: [condition.value] };
  }
  if (mode !== 'in' && condition.value === '' && condition.values[0] !== undefined) {
    return { mode, value: condition.values[0] };
  }
  return { mode };
}

/** One structured Bullhorn condition: a field, how it matches, the value, and whether it excludes. */
export function CrmConditionEditor({
  condition,
  index,
  errors,
  onChange,
  onRemove,
}: {
  condition: CrmConditionDraft;
  index: number;
  errors: FieldErrors;
  onChange: (patch: Partial<CrmConditionDraft>) => void;
  onRemove: () => void;
}) {
  const number = index + 1;
  const at = (field: string) => errorsAt(errors, 'crmFilters', 'filters', index, field);
  return (
    <FormItem
      itemKey={condition.key}
      title={`Condition ${number}`}
      kind={condition.exclude ? 'Excludes matches' : undefined}
      removeLabel={`Remove condition ${number}`}
      onRemove={onRemove}
      errors={errorsAt(errors, 'crmFilters', 'filters', index)}
    >
      <div className="condition-grid">
        <Field label="Field path" hint="e.g. address.countryName or status" errors={at('path')}>
          {(control) => (
            <input
              {...control}
              className="input input--code"
              spellCheck={false}
              value={condition.path}
              onChange={(event) => onChange({ path: event.target.value })}
            />
          )}
        </Field>
        <Field label="Mode" errors={at('mode')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={condition.mode}
              onChange={(event) =>
                onChange(switchMode(condition, event.target.value as CrmConditionMode))
              }
            >
              {crmFilterModes.map((mode) => (
                <option key={mode} value={mode}>
                  {modeLabels[mode]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {condition.mode === 'in' ? (
          <Field label="Values" hint="Press Enter after each value." errors={at('value')}>
            {(control) => (
              <TagInput
                control={control}
                value={condition.values}
                onChange={(values) => onChange({ values })}
              />
            )}
          </Field>
        ) : (
          <Field label="Value" errors={at('value')}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={condition.value}
                onChange={(event) => onChange({ value: event.target.value })}
              />
            )}
          </Field>
        )}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={condition.exclude}
          onChange={(event) => onChange({ exclude: event.target.checked })}
        />
        Exclude matching contacts
      </label>
    </FormItem>
  );
}
