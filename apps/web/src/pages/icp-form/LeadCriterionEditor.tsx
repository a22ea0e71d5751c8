import type { LeadProviderCriterion } from '@icp/schema';
import type { FieldErrors } from '../../api/api-error';
import { Field } from '../../ui/Field';
import { NumberInput } from '../../ui/NumberInput';
import { TagInput } from '../../ui/TagInput';
import { AdvancedJsonField } from './AdvancedJsonField';
import { FormItem } from './FormItem';
import { errorsAt } from './form-errors';
import type { LeadCriterionDraft } from './icp-draft';

type SearchType = NonNullable<LeadProviderCriterion['type']>;

const searchTypeLabels: Record<SearchType, string> = {
  person: 'People (person search)',
  company: 'Companies (company search)',
};

type TagKey = {
  [K in keyof LeadCriterionDraft]: LeadCriterionDraft[K] extends string[] ? K : never;
}[keyof LeadCriterionDraft];

/** One search of the lead provider: who or which companies to look for. */
export function LeadCriterionEditor({
  criterion,
  index,
  errors,
  onChange,
  onRemove,
}: {
  criterion: LeadCriterionDraft;
  index: number;
  errors: FieldErrors;
  onChange: (patch: Partial<LeadCriterionDraft>) => void;
  onRemove: () => void;
}) {
  const number = index + 1;
  const item = ['leadProviderCriteria', index] as const;
  const filterErrors = (path: string) => errorsAt(errors, ...item, 'filters', path);

  const tags = (key: TagKey, label: string, errorPath: string, placeholder: string) => (
    <Field label={label} optional errors={filterErrors(errorPath)}>
      {(control) => (
        <TagInput
          control={control}
          value={criterion[key]}
          placeholder={placeholder}
          onChange={(next) => onChange({ [key]: next })}
        />
      )}
    </Field>
  );

  return (
    <FormItem
      itemKey={criterion.key}
      title={`Lead search ${number}`}
      kind={searchTypeLabels[criterion.type ?? 'person']}
      removeLabel={`Remove lead search ${number}`}
      onRemove={onRemove}
      errors={errorsAt(errors, ...item)}
    >
      <div className="stack">
        <Field
          label="Search type"
          hint={
            criterion.type === undefined
              ? 'Saved without a type, which means a person search.'
              : 'People finds contacts; companies finds organisations.'
          }
          errors={errorsAt(errors, ...item, 'type')}
        >
          {(control) => (
            <select
              {...control}
              className="select select--narrow"
              value={criterion.type ?? 'person'}
              onChange={(event) => onChange({ type: event.target.value as SearchType })}
            >
              {Object.entries(searchTypeLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>

        <div className="grid-2">
          {tags('jobTitles', 'Job titles', 'job_title', 'e.g. CTO, VP Engineering')}
          {tags('seniority', 'Seniority', 'seniority', 'e.g. Director, C-Level')}
          {tags('skills', 'Skills', 'skills', 'e.g. Kubernetes')}
        </div>

        <fieldset className="form-group">
          <legend className="form-group__legend">Location</legend>
          <div className="grid-2">
            {tags('countries', 'Countries', 'location.country', 'e.g. Germany')}
            {tags('states', 'States or regions', 'location.state', 'e.g. Bavaria')}
            {tags('cities', 'Cities', 'location.city', 'e.g. Munich')}
          </div>
        </fieldset>

        <fieldset className="form-group">
          <legend className="form-group__legend">Company</legend>
          <div className="grid-2">
            {tags('industries', 'Industries', 'company.industry', 'e.g. Software')}
            {tags('keywords', 'Company keywords', 'company.keywords', 'e.g. SaaS, B2B')}
          </div>
          <div className="grid-2 form-group__more">
            <Field
              label="Employees, at least"
              optional
              errors={filterErrors('company.employee_size.min')}
            >
              {(control) => (
                <NumberInput
                  control={control}
                  min={0}
                  value={criterion.minEmployees}
                  onChange={(minEmployees) => onChange({ minEmployees })}
                />
              )}
            </Field>
            <Field
              label="Employees, at most"
              optional
              errors={filterErrors('company.employee_size.max')}
            >
              {(control) => (
                <NumberInput
                  control={control}
                  min={0}
                  value={criterion.maxEmployees}
                  onChange={(maxEmployees) => onChange({ maxEmployees })}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <AdvancedJsonField
          value={criterion.advancedJson}
          onChange={(advancedJson) => onChange({ advancedJson })}
          errors={errorsAt(errors, ...item, 'filters')}
        />
      </div>
    </FormItem>
  );
}
