import { useRef } from 'react';
import type { FieldErrors } from '../../api/api-error';
import { Field } from '../../ui/Field';
import { CrmConditionEditor } from './CrmConditionEditor';
import { FormErrors } from './FormErrors';
import { FormSection } from './FormSection';
import { errorsAt } from './form-errors';
import { type CrmConditionDraft, type CrmDraft, newCrmCondition } from './icp-draft';
import { firstControlIn, useFocusAfterRender } from './use-focus-after-render';

type Update = (change: (crm: CrmDraft) => CrmDraft) => void;

/** "CRM sourcing": optionally source leads from Bullhorn; off means `crmFilters: null`. */
export function CrmFiltersEditor({
  crm,
  errors,
  onChange,
}: {
  crm: CrmDraft;
  errors: FieldErrors;
  onChange: Update;
}) {
  const list = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const set = (patch: Partial<CrmDraft>) => onChange((current) => ({ ...current, ...patch }));
  const setConditions = (change: (conditions: CrmConditionDraft[]) => CrmConditionDraft[]) =>
    onChange((current) => ({ ...current, conditions: change(current.conditions) }));

  const add = () => {
    const condition = newCrmCondition();
    setConditions((current) => [...current, condition]);
    focusAfterRender(() =>
      firstControlIn(list.current?.querySelector(`[data-item-key="${condition.key}"]`)),
    );
  };
  const remove = (key: string) => {
    setConditions((current) => current.filter((condition) => condition.key !== key));
    focusAfterRender(() => addButton.current);
  };
  const patch = (key: string, change: Partial<CrmConditionDraft>) =>
    setConditions((current) =>
      current.map((condition) => (condition.key === key ? { ...condition, ...change } : condition)),
    );

  return (
    <FormSection
      title="CRM sourcing"
      subtitle="Also take leads from contacts already in your Bullhorn CRM."
      errors={errorsAt(errors, 'crmFilters')}
    >
      <label className="checkbox">
        <input
          type="checkbox"
          checked={crm.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
        />
        Source leads from Bullhorn
      </label>
      {crm.enabled && (
        <>
          <Field
            label="Text search"
            optional
            hint='Free text on the occupation or title; wildcards and OR work, e.g. "Head OR Leit* OR Direktor".'
            errors={errorsAt(errors, 'crmFilters', 'textSearch')}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                value={crm.textSearch.text}
                onChange={(event) => {
                  const text = event.target.value;
                  onChange((current) => ({
                    ...current,
                    textSearch: { ...current.textSearch, text },
                  }));
                }}
              />
            )}
          </Field>
          {crm.legacyQuery !== null && (
            <Field
              label="Legacy query"
              optional
              hint="Kept from an older version of this profile and saved as it is."
              errors={errorsAt(errors, 'crmFilters', 'query')}
            >
              {(control) => (
                <textarea
                  {...control}
                  className="textarea textarea--code"
                  spellCheck={false}
                  value={crm.legacyQuery?.text ?? ''}
                  onChange={(event) => {
                    const text = event.target.value;
                    onChange((current) => ({
                      ...current,
                      legacyQuery:
                        current.legacyQuery === null ? null : { ...current.legacyQuery, text },
                    }));
                  }}
                />
              )}
            </Field>
          )}
          <div className="form-list" ref={list}>
            <h3 className="form-list__title">Conditions</h3>
            <FormErrors messages={errorsAt(errors, 'crmFilters', 'filters')} />
            {crm.conditions.length === 0 && (
              <p className="form-list__empty">
                No conditions: every contact the text search finds.
              </p>
            )}
            {crm.conditions.map((condition, index) => (
              <CrmConditionEditor
                key={condition.key}
                condition={condition}
                index={index}
                errors={errors}
                onChange={(change) => patch(condition.key, change)}
                onRemove={() => remove(condition.key)}
              />
            ))}
          </div>
          <div>
            <button
              ref={addButton}
              type="button"
              className="button button--secondary"
              onClick={add}
            >
              Add condition
            </button>
          </div>
        </>
      )}
    </FormSection>
  );
}
