import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';

const FIELDS = [
  { key: 'firstName', label: 'First name', required: true, autoComplete: 'off' },
  { key: 'lastName', label: 'Last name', required: true, autoComplete: 'off' },
  { key: 'jobTitle', label: 'Job title', required: false, autoComplete: 'off' },
  { key: 'companyName', label: 'Company', required: false, autoComplete: 'off' },
] as const;

type Key = (typeof FIELDS)[number]['key'];
const EMPTY: Record<Key, string> = { firstName: '', lastName: '', jobTitle: '', companyName: '' };

/** Adds one person, typed in, to a person list: stored in the lead database, then added. */
export function AddPersonForm({ listId }: { listId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [checked, setChecked] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const add = useMutation(
    trpc.leadLists.addProspects.mutationOptions({
      onSuccess: (list) => {
        queryClient.setQueryData(trpc.leadLists.byId.queryKey({ id: list.id }), list);
        void queryClient.invalidateQueries({ queryKey: trpc.leadLists.listPage.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.leadLists.ofIcp.queryKey() });
        setAdded(`${values.firstName.trim()} ${values.lastName.trim()}`);
        setValues(EMPTY);
        setChecked(false);
      },
    }),
  );

  const missing = (key: Key) => checked && values[key].trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    setChecked(true);
    setAdded(null);
    if (values.firstName.trim() === '' || values.lastName.trim() === '') return;
    const jobTitle = values.jobTitle.trim();
    const companyName = values.companyName.trim();
    add.mutate({
      id: listId,
      body: {
        prospects: [
          {
            firstName: values.firstName,
            lastName: values.lastName,
            ...(jobTitle === '' ? {} : { jobTitle }),
            ...(companyName === '' ? {} : { company: { name: companyName } }),
          },
        ],
      },
    });
  };

  return (
    <section className="card lead-add-person" aria-labelledby="lead-add-person-title">
      <h2 id="lead-add-person-title" className="card__title">
        Add a person
      </h2>
      <form className="lead-add-person__form" onSubmit={submit} noValidate>
        {FIELDS.map((field) => (
          <Field
            key={field.key}
            label={field.label}
            optional={!field.required}
            errors={field.required && missing(field.key) ? ['Enter this'] : undefined}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                className="input"
                autoComplete={field.autoComplete}
                maxLength={field.key === 'companyName' ? 300 : field.key === 'jobTitle' ? 200 : 100}
                value={values[field.key]}
                onChange={(event) => setValues({ ...values, [field.key]: event.target.value })}
              />
            )}
          </Field>
        ))}
        <button type="submit" className="button button--secondary" aria-disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add to the list'}
        </button>
      </form>
      <output className="lead-add-person__outcome" aria-live="polite">
        {added === null ? null : `${added} was added to the list.`}
      </output>
      {add.isError && (
        <ErrorBanner error={toApiError(add.error)} title="The person could not be added" />
      )}
    </section>
  );
}
