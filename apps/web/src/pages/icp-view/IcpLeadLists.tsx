import { type Icp, leadListInput } from '@icp/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useLocation } from 'wouter';
import { toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { icpStatus } from '../../icp/icp-status';
import { formatCount } from '../../icp/text';
import { LeadListRow } from '../../leads/LeadListRow';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { NumberInput } from '../../ui/NumberInput';

const sizeBounds = leadListInput.shape.size.unwrap();
const SIZE_MIN = sizeBounds.minValue ?? 1;
const SIZE_MAX = sizeBounds.maxValue ?? Number.MAX_SAFE_INTEGER;

/** The size box's problem, if any; null when it holds a size the API accepts. */
function sizeProblem(text: string): string | null {
  const size = Number(text);
  if (text.trim() === '' || !Number.isInteger(size) || size < SIZE_MIN || size > SIZE_MAX) {
    return `Enter a whole number from ${formatCount(SIZE_MIN)} to ${formatCount(SIZE_MAX)}`;
  }
  return null;
}

/**
 * "Lead lists": generate a list of the people this profile finds now, and open the lists made
 * before. A new list opens as soon as it is made.
 */
export function IcpLeadLists({ icp, viewerId }: { icp: Icp; viewerId: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const lists = useQuery(trpc.leadLists.ofIcp.queryOptions({ id: icp.id }));
  // Null until changed: the profile's own list size, even after it is edited elsewhere.
  const [sizeText, setSizeText] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const shownSize = sizeText ?? String(icp.leadsPerList);
  const expired = !icpStatus(icp).active;
  const expiredHintId = useId();
  const problem = checked ? sizeProblem(shownSize) : null;

  const generate = useMutation(
    trpc.leadLists.generate.mutationOptions({
      onSuccess: (list) => {
        queryClient.setQueryData(trpc.leadLists.byId.queryKey({ id: list.id }), list);
        void queryClient.invalidateQueries({ queryKey: trpc.leadLists.ofIcp.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.leadLists.listPage.queryKey() });
        navigate(`/lead-lists/${encodeURIComponent(list.id)}`);
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (generate.isPending || expired) return;
    setChecked(true);
    if (sizeProblem(shownSize) !== null) return;
    generate.mutate(
      sizeText === null ? { id: icp.id } : { id: icp.id, body: { size: Number(sizeText) } },
    );
  };

  const failure = generate.isError ? toApiError(generate.error) : null;

  return (
    <section className="card icp-view__section" aria-labelledby="icp-lead-lists-title">
      <div>
        <h2 id="icp-lead-lists-title" className="card__title">
          Lead lists
        </h2>
        <p className="icp-view__section-subtitle">
          A list takes the people this profile finds now, checked against its filters. People in one
          list count as used for the profile’s reuse rule.
        </p>
      </div>
      <form className="lead-generate" onSubmit={submit} noValidate>
        <Field
          label="Leads in the list"
          hint={`The profile asks for ${formatCount(icp.leadsPerList)} per list.`}
          errors={problem === null ? undefined : [problem]}
          className="lead-generate__size"
        >
          {(control) => (
            <NumberInput
              control={control}
              min={SIZE_MIN}
              max={SIZE_MAX}
              value={shownSize}
              onChange={setSizeText}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button button--primary"
          disabled={expired}
          aria-disabled={generate.isPending}
          aria-describedby={expired ? expiredHintId : undefined}
        >
          {generate.isPending ? 'Generating…' : 'Generate lead list'}
        </button>
        <output className="visually-hidden" aria-live="polite">
          {generate.isPending ? 'Generating the lead list…' : null}
        </output>
      </form>
      {expired && failure === null && (
        <p className="icp-view__hint" id={expiredHintId}>
          This profile has expired, so it makes no new lists. Edit it and move its “Active until”
          date later, or remove it, to generate lists again.
        </p>
      )}
      {failure !== null && (
        <ErrorBanner
          error={failure}
          title={
            failure.code === 'CONFLICT'
              ? 'This profile makes no new lists'
              : 'The lead list could not be generated'
          }
        />
      )}
      {lists.isPending ? (
        <p className="muted">Loading the lists…</p>
      ) : lists.isError ? (
        <ErrorBanner error={toApiError(lists.error)} title="The lists could not be loaded" />
      ) : lists.data.length === 0 ? (
        <p className="lead-list-rows__empty">No lead lists yet.</p>
      ) : (
        <ul className="lead-list-rows" aria-label="Lead lists of this profile">
          {lists.data.map((list) => (
            <LeadListRow key={list.id} list={list} viewerId={viewerId} />
          ))}
        </ul>
      )}
    </section>
  );
}
