import { useRef } from 'react';
import type { FieldErrors } from '../../api/api-error';
import { FormSection } from './FormSection';
import { errorsAt } from './form-errors';
import { type LeadCriterionDraft, newLeadCriterion } from './icp-draft';
import { LeadCriterionEditor } from './LeadCriterionEditor';
import { firstControlIn, useFocusAfterRender } from './use-focus-after-render';

type Update = (change: (criteria: LeadCriterionDraft[]) => LeadCriterionDraft[]) => void;

/** "Who to find": the lead provider searches, any number of them. */
export function LeadSearchesSection({
  criteria,
  errors,
  onChange,
}: {
  criteria: LeadCriterionDraft[];
  errors: FieldErrors;
  onChange: Update;
}) {
  const list = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const add = () => {
    const criterion = newLeadCriterion();
    onChange((current) => [...current, criterion]);
    focusAfterRender(() =>
      firstControlIn(list.current?.querySelector(`[data-item-key="${criterion.key}"]`)),
    );
  };
  const remove = (key: string) => {
    onChange((current) => current.filter((criterion) => criterion.key !== key));
    focusAfterRender(() => addButton.current);
  };
  const patch = (key: string, change: Partial<LeadCriterionDraft>) =>
    onChange((current) =>
      current.map((criterion) => (criterion.key === key ? { ...criterion, ...change } : criterion)),
    );

  return (
    <FormSection
      title="Who to find"
      subtitle="Searches run with the lead provider. Each one adds people or companies to the pool; leave a field empty to not filter on it."
      errors={errorsAt(errors, 'leadProviderCriteria')}
    >
      <div className="form-list" ref={list}>
        {criteria.length === 0 && (
          <p className="form-list__empty">
            No lead searches yet. Add one, or source leads from your CRM below.
          </p>
        )}
        {criteria.map((criterion, index) => (
          <LeadCriterionEditor
            key={criterion.key}
            criterion={criterion}
            index={index}
            errors={errors}
            onChange={(change) => patch(criterion.key, change)}
            onRemove={() => remove(criterion.key)}
          />
        ))}
      </div>
      <div>
        <button ref={addButton} type="button" className="button button--secondary" onClick={add}>
          Add lead search
        </button>
      </div>
    </FormSection>
  );
}
