import {
  type CustomFilterCriterion,
  maxPeoplePerCompanyFilter,
  maxPercentFromCrmFilter,
  minDaysUntilReuseFilter,
} from '@icp/schema';
import type { ReactNode } from 'react';
import type { FieldErrors } from '../../api/api-error';
import { customFilterLabels } from '../../icp/filter-labels';
import { Field } from '../../ui/Field';
import { NumberInput } from '../../ui/NumberInput';
import { TagInput } from '../../ui/TagInput';
import { FormItem } from './FormItem';
import { errorsAt } from './form-errors';
import { type CustomFilterDraft, type NumberFilterType, numberFilterDefaults } from './icp-draft';
import { RegexField } from './RegexField';

const numberFilters: Record<
  NumberFilterType,
  { label: string; explain: string; schema: { shape: { value: { unwrap(): NumericBounds } } } }
> = {
  maxPeoplePerCompany: {
    label: 'People per company, at most',
    explain: 'How many leads of one company may be in a list.',
    schema: maxPeoplePerCompanyFilter,
  },
  maxPercentFromCRM: {
    label: 'Percent from the CRM, at most',
    explain: 'How much of a list may come from contacts already in your CRM.',
    schema: maxPercentFromCrmFilter,
  },
  minDaysUntilReuse: {
    label: 'Days before a lead is reused, at least',
    explain: 'How long a lead rests before it may appear in another list.',
    schema: minDaysUntilReuseFilter,
  },
};

interface NumericBounds {
  minValue: number | null;
  maxValue: number | null;
}

const bound = (value: number | null): number | undefined =>
  value === null || !Number.isFinite(value) ? undefined : value;

type EntityType = Extract<CustomFilterCriterion, { type: 'ai' }>['entityType'];
const entityTypeLabels: Record<EntityType, string> = { company: 'Company', person: 'Person' };

/** One filter applied after the search, with the settings of its type. */
export function CustomFilterEditor({
  filter,
  index,
  errors,
  onChange,
  onRemove,
}: {
  filter: CustomFilterDraft;
  index: number;
  errors: FieldErrors;
  onChange: (patch: Partial<CustomFilterDraft>) => void;
  onRemove: () => void;
}) {
  const number = index + 1;
  const at = (field: string) => errorsAt(errors, 'customFilterCriteria', index, field);
  return (
    <FormItem
      itemKey={filter.key}
      title={`Filter ${number}`}
      kind={customFilterLabels[filter.type]}
      removeLabel={`Remove filter ${number}`}
      onRemove={onRemove}
      errors={errorsAt(errors, 'customFilterCriteria', index)}
    >
      <div className="stack">{fieldsOf(filter, at, onChange)}</div>
    </FormItem>
  );
}

function fieldsOf(
  filter: CustomFilterDraft,
  at: (field: string) => string[] | undefined,
  onChange: (patch: Partial<CustomFilterDraft>) => void,
): ReactNode {
  const text = (field: 'provider' | 'field', label: string, value: string, hint: string) => (
    <Field label={label} hint={hint} errors={at(field)}>
      {(control) => (
        <input
          {...control}
          className={field === 'field' ? 'input input--code' : 'input'}
          spellCheck={false}
          value={value}
          onChange={(event) => onChange({ [field]: event.target.value })}
        />
      )}
    </Field>
  );
  const prompt = (
    field: 'prompt' | 'extractionPrompt' | 'pageFindingPrompt',
    label: string,
    value: string,
    hint: string,
    optional = false,
  ) => (
    <Field label={label} hint={hint} optional={optional} errors={at(field)}>
      {(control) => (
        <textarea
          {...control}
          className="textarea"
          value={value}
          onChange={(event) => onChange({ [field]: event.target.value })}
        />
      )}
    </Field>
  );
  const searchStrings = (
    field: 'includeSearchStrings' | 'excludeSearchStrings',
    label: string,
    value: string[] | undefined,
    hint: string,
  ) => (
    <Field label={label} hint={hint} optional errors={at(field)}>
      {(control) => (
        <TagInput
          control={control}
          value={value ?? []}
          onChange={(next) => onChange({ [field]: next })}
        />
      )}
    </Field>
  );

  switch (filter.type) {
    case 'website':
      return (
        <>
          {text(
            'provider',
            'Provider',
            filter.provider,
            'The browsing service, such as browserUse.',
          )}
          {prompt(
            'prompt',
            'Prompt',
            filter.prompt,
            'What to check on the company website, e.g. "Does the company sell B2B SaaS?"',
          )}
        </>
      );
    case 'webscraping':
      return (
        <>
          {text(
            'provider',
            'Provider',
            filter.provider,
            'The scraping service, such as firecrawl.',
          )}
          {prompt(
            'extractionPrompt',
            'Extraction prompt',
            filter.extractionPrompt,
            'What to extract from the page found, e.g. "Extract pricing information".',
          )}
          {prompt(
            'pageFindingPrompt',
            'Page finding prompt',
            filter.pageFindingPrompt ?? '',
            'How to find the page to read, e.g. "Find the pricing page".',
            true,
          )}
          <div className="grid-2">
            {searchStrings(
              'includeSearchStrings',
              'Include search strings',
              filter.includeSearchStrings,
              'Keep leads whose pages mention these.',
            )}
            {searchStrings(
              'excludeSearchStrings',
              'Exclude search strings',
              filter.excludeSearchStrings,
              'Drop leads whose pages mention these.',
            )}
          </div>
        </>
      );
    case 'ai':
      return (
        <>
          <Field
            label="Entity type"
            hint="Judge the person or their company."
            errors={at('entityType')}
          >
            {(control) => (
              <select
                {...control}
                className="select select--narrow"
                value={filter.entityType}
                onChange={(event) => onChange({ entityType: event.target.value as EntityType })}
              >
                {Object.entries(entityTypeLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {prompt(
            'prompt',
            'Prompt',
            filter.prompt,
            'The question the AI answers for each lead, e.g. "Does this person have hiring authority?"',
          )}
        </>
      );
    case 'matchFieldWithRegex':
      return (
        <>
          {text('field', 'Field', filter.field, 'A dot path into the lead, such as company.name.')}
          <RegexField
            value={filter.regex}
            onChange={(regex) => onChange({ regex })}
            errors={at('regex')}
          />
        </>
      );
    default: {
      const settings = numberFilters[filter.type];
      const bounds = settings.schema.shape.value.unwrap();
      const fallback = numberFilterDefaults[filter.type];
      return (
        <Field
          label={settings.label}
          hint={`${settings.explain} Default ${fallback}; an empty box uses the default.`}
          errors={at('value')}
        >
          {(control) => (
            <NumberInput
              control={control}
              min={bound(bounds.minValue)}
              max={bound(bounds.maxValue)}
              placeholder={String(fallback)}
              value={filter.value}
              onChange={(value) => onChange({ value })}
            />
          )}
        </Field>
      );
    }
  }
}
