import type { Icp, LeadList } from '@icp/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { countOf } from '../../icp/text';
import { personName } from '../../leads/lead-text';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';

/** How many of the people the profile finds now are shown to pick from. */
const PREVIEW_SIZE = 25;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today (UTC), the period of a list made by hand here. */
function today(): { startDate: string; endDate: string } {
  const start = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return {
    startDate: new Date(start).toISOString(),
    endDate: new Date(start + DAY_MS).toISOString(),
  };
}

/**
 * "Pick people": the first people the profile finds now, to tick and make a list of by hand, or
 * to add to one of its person lists. Nothing is counted as used until a list holds them.
 */
export function IcpPickPeople({ icp }: { icp: Icp }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [picked, setPicked] = useState<string[]>([]);
  const [name, setName] = useState(`${icp.name}, picked`.slice(0, 200));
  const [target, setTarget] = useState('');
  const [nameChecked, setNameChecked] = useState(false);

  const preview = useMutation(trpc.leadLists.preview.mutationOptions());
  const lists = useQuery(trpc.leadLists.ofIcp.queryOptions({ id: icp.id }));
  const personLists = (lists.data ?? []).filter((list: LeadList) => list.type === 'person');

  const opened = (list: { id: string }) => {
    void queryClient.invalidateQueries({ queryKey: trpc.leadLists.ofIcp.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.leadLists.listPage.queryKey() });
    navigate(`/lead-lists/${encodeURIComponent(list.id)}`);
  };
  const create = useMutation(
    trpc.leadLists.create.mutationOptions({
      onSuccess: (list) => {
        queryClient.setQueryData(trpc.leadLists.byId.queryKey({ id: list.id }), list);
        opened(list);
      },
    }),
  );
  const add = useMutation(
    trpc.leadLists.addProspects.mutationOptions({
      onSuccess: (list) => {
        queryClient.setQueryData(trpc.leadLists.byId.queryKey({ id: list.id }), list);
        opened(list);
      },
    }),
  );

  const toggle = (id: string, on: boolean) =>
    setPicked((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  const nameProblem = nameChecked && name.trim() === '' ? 'Enter a name for the list' : null;
  const busy = create.isPending || add.isPending;

  const makeList = (event: FormEvent) => {
    event.preventDefault();
    setNameChecked(true);
    if (busy || picked.length === 0 || name.trim() === '') return;
    create.mutate({
      body: { name, icpId: icp.id, ...today(), personIds: picked, type: 'person' },
    });
  };
  const addToList = (event: FormEvent) => {
    event.preventDefault();
    if (busy || picked.length === 0 || target === '') return;
    add.mutate({ id: target, body: { personIds: picked } });
  };
  const failure = create.isError
    ? toApiError(create.error)
    : add.isError
      ? toApiError(add.error)
      : null;

  return (
    <section className="card icp-view__section" aria-labelledby="icp-pick-title">
      <div>
        <h2 id="icp-pick-title" className="card__title">
          Pick people
        </h2>
        <p className="icp-view__section-subtitle">
          Choose among the first people this profile finds, then make a list of them or add them to
          one of its lists.
        </p>
      </div>
      {preview.data === undefined ? (
        <div>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={preview.isPending}
            onClick={() => {
              if (!preview.isPending) preview.mutate({ id: icp.id, body: { limit: PREVIEW_SIZE } });
            }}
          >
            {preview.isPending ? 'Finding people…' : 'Show people to pick'}
          </button>
          {preview.isError && (
            <ErrorBanner error={toApiError(preview.error)} title="The people could not be found" />
          )}
        </div>
      ) : preview.data.leads.length === 0 ? (
        <p className="muted">This profile finds no one right now.</p>
      ) : (
        <>
          <fieldset className="pick-people">
            <legend className="pick-people__legend">
              People found ({countOf(picked.length, 'person', 'people')} picked)
            </legend>
            <ul className="pick-people__list">
              {preview.data.leads.map((lead) => (
                <li key={lead.person.id}>
                  <label className="pick-people__person">
                    <input
                      type="checkbox"
                      checked={picked.includes(lead.person.id)}
                      onChange={(event) => toggle(lead.person.id, event.target.checked)}
                    />
                    <span>
                      <strong>{personName(lead.person)}</strong>
                      {lead.person.jobTitle === '' ? '' : `, ${lead.person.jobTitle}`}
                      {lead.company === null ? '' : ` at ${lead.company.name}`}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <form className="lead-generate" onSubmit={makeList} noValidate>
            <Field
              label="Name of the new list"
              errors={nameProblem === null ? undefined : [nameProblem]}
              className="pick-people__name"
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  className="input"
                  maxLength={200}
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                />
              )}
            </Field>
            <button
              type="submit"
              className="button button--primary"
              disabled={picked.length === 0}
              aria-disabled={busy}
            >
              {create.isPending ? 'Making the list…' : 'Make a list of them'}
            </button>
          </form>
          {personLists.length > 0 && (
            <form className="lead-generate" onSubmit={addToList} noValidate>
              <Field label="Or add them to" className="pick-people__name">
                {(control) => (
                  <select
                    {...control}
                    className="input"
                    value={target}
                    onChange={(event) => setTarget(event.target.value)}
                  >
                    <option value="">Choose a list</option>
                    {personLists.map((list) => (
                      <option key={list.id} value={list.id}>
                        {list.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button
                type="submit"
                className="button button--secondary"
                disabled={picked.length === 0 || target === ''}
                aria-disabled={busy}
              >
                {add.isPending ? 'Adding…' : 'Add to the list'}
              </button>
            </form>
          )}
          {failure !== null && (
            <ErrorBanner error={failure} title="The people could not be put in a list" />
          )}
        </>
      )}
    </section>
  );
}
