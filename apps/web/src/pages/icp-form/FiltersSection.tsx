import { type CustomFilterType, customFilterTypes } from '@icp/schema';
import { useRef, useState } from 'react';
import type { FieldErrors } from '../../api/api-error';
import { customFilterLabels } from '../../icp/filter-labels';
import { Field } from '../../ui/Field';
import { CustomFilterEditor } from './CustomFilterEditor';
import { FormSection } from './FormSection';
import { errorsAt } from './form-errors';
import { type CustomFilterDraft, newCustomFilter } from './icp-draft';
import { firstControlIn, useFocusAfterRender } from './use-focus-after-render';

type Update = (change: (filters: CustomFilterDraft[]) => CustomFilterDraft[]) => void;

/** "Filters after the search": checks every found lead must pass, of the seven types. */
export function FiltersSection({
  filters,
  errors,
  onChange,
}: {
  filters: CustomFilterDraft[];
  errors: FieldErrors;
  onChange: Update;
}) {
  const [typeToAdd, setTypeToAdd] = useState<CustomFilterType>(customFilterTypes[0] ?? 'ai');
  const list = useRef<HTMLDivElement>(null);
  const typeSelect = useRef<HTMLSelectElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const add = () => {
    const filter = newCustomFilter(typeToAdd);
    onChange((current) => [...current, filter]);
    focusAfterRender(() =>
      firstControlIn(list.current?.querySelector(`[data-item-key="${filter.key}"]`)),
    );
  };
  const remove = (key: string) => {
    onChange((current) => current.filter((filter) => filter.key !== key));
    focusAfterRender(() => typeSelect.current);
  };
  const patch = (key: string, change: Partial<CustomFilterDraft>) =>
    onChange((current) =>
      current.map((filter) =>
        filter.key === key ? ({ ...filter, ...change } as CustomFilterDraft) : filter,
      ),
    );

  return (
    <FormSection
      title="Filters after the search"
      subtitle="Every lead found must pass these checks before it lands in a list."
      errors={errorsAt(errors, 'customFilterCriteria')}
    >
      <div className="form-list" ref={list}>
        {filters.length === 0 && (
          <p className="form-list__empty">No filters: every lead found is kept.</p>
        )}
        {filters.map((filter, index) => (
          <CustomFilterEditor
            key={filter.key}
            filter={filter}
            index={index}
            errors={errors}
            onChange={(change) => patch(filter.key, change)}
            onRemove={() => remove(filter.key)}
          />
        ))}
      </div>
      <div className="row form-add-row">
        <Field label="Filter type">
          {(control) => (
            <select
              {...control}
              ref={typeSelect}
              className="select"
              value={typeToAdd}
              onChange={(event) => setTypeToAdd(event.target.value as CustomFilterType)}
            >
              {customFilterTypes.map((type) => (
                <option key={type} value={type}>
                  {customFilterLabels[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" className="button button--secondary" onClick={add}>
          Add filter
        </button>
      </div>
    </FormSection>
  );
}
