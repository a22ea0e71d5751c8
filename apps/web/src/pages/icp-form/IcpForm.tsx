import type { IcpCreateInput } from '@icp/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { type ApiError, toApiError } from '../../api/api-error';
import { useTRPC } from '../../api/trpc';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { announceOutcome } from '../../ui/outcome';
import { UnsavedChangesGuard } from '../../ui/UnsavedChangesGuard';
import { CopySharingNotice } from './CopySharingNotice';
import { CrmFiltersEditor } from './CrmFiltersEditor';
import { DeliveryFields } from './DeliveryFields';
import { FiltersSection } from './FiltersSection';
import { FormSection } from './FormSection';
import { errorsAt, type FormMode, placeErrors, stillApplies, validateDraft } from './form-errors';
import type { IcpDraft } from './icp-draft';
import { LeadSearchesSection } from './LeadSearchesSection';
import { MatchingPeoplePanel } from './MatchingPeoplePanel';
import { PreviewSummary } from './PreviewSummary';
import { previewReadiness } from './preview-criteria';
import { SharingEditor } from './SharingEditor';
import { useDraftPreview } from './use-draft-preview';

export interface IcpFormProps {
  mode: FormMode;
  /** Read once, when the form mounts; remount (change its key) to start over. */
  initial: IcpDraft;
  currentUserId: string;
  cancelHref: string;
  /** Edit only: the profile, and the ETag of the version the form started from. */
  target?: { id: string; etag: string } | undefined;
  /** Edit only: loads the saved version again; resolves to the error when that failed. */
  onReloadLatest?: (() => Promise<ApiError | null>) | undefined;
  /** Duplicate only: the original's name, whose sharing the copy starts with. */
  copiedFrom?: string | undefined;
}

interface ServerFailure {
  error: ApiError;
  sentBody: IcpCreateInput;
}

function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; a plain-http deployment still gets a unique key.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * The profile form. The draft is checked with the API's own schema before anything is sent: on
 * the first save, then on every change. Errors, the form's or the server's, show beside the field
 * they concern; what the user typed is never thrown away by a failed save.
 */
export function IcpForm({
  mode,
  initial,
  currentUserId,
  cancelHref,
  target,
  onReloadLatest,
  copiedFrom,
}: IcpFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(initial);
  const [initialJson] = useState(() => JSON.stringify(initial));
  const [isSaved, setIsSaved] = useState(false);
  // The version this form edits: a background refetch must not move it, or a save would
  // silently overwrite someone else's changes.
  const [editing] = useState(target);
  const [initiallyShared] = useState(() => initial.userIds.includes(currentUserId));
  const [copiedSharing] = useState(() => initial.userIds.filter((id) => id !== currentUserId));
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<ServerFailure | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [reloading, setReloading] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const lastCreate = useRef<{ json: string; key: string } | null>(null);

  const create = useMutation(trpc.icp.create.mutationOptions());
  const update = useMutation(trpc.icp.update.mutationOptions());
  const saving = create.isPending || update.isPending;

  // Typing a change and taking it back again leaves nothing to lose.
  const changed = useMemo(() => JSON.stringify(draft) !== initialJson, [draft, initialJson]);
  const validation = useMemo(() => validateDraft(mode, draft), [mode, draft]);
  const readiness = useMemo(() => previewReadiness(validation), [validation]);
  const draftPreview = useDraftPreview(
    readiness.kind === 'ready' ? readiness.criteria : null,
    editing?.id,
  );
  const serverDetails =
    failure?.error.details.filter((detail) =>
      stillApplies(detail, failure.sentBody, validation.body),
    ) ?? [];
  const errors = placeErrors([...(submitted ? validation.details : []), ...serverDetails]);
  const formLevelErrors = errorsAt(errors, '');

  useEffect(() => {
    if (focusRequest === 0) return;
    const element =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>('[data-error-anchor]');
    if (typeof element?.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [focusRequest]);

  const set = (patch: Partial<IcpDraft>) => setDraft((current) => ({ ...current, ...patch }));

  /** The same body again reuses its key, so a retried create cannot make a duplicate. */
  const idempotencyKeyFor = (body: IcpCreateInput): string => {
    const json = JSON.stringify(body);
    if (lastCreate.current?.json !== json) lastCreate.current = { json, key: randomKey() };
    return lastCreate.current.key;
  };

  const saved = (result: { icp: { id: string }; etag: string }) => {
    setIsSaved(true);
    void queryClient.invalidateQueries({ queryKey: trpc.icp.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.icp.byId.queryKey({ id: result.icp.id }) });
    const path = `/icps/${result.icp.id}`;
    announceOutcome('Saved', path);
    navigate(path);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setFailure(null);
    if (validation.details.length > 0) {
      setFocusRequest((count) => count + 1);
      return;
    }
    const body = validation.body;
    const failed = (error: unknown) => {
      setFailure({ error: toApiError(error), sentBody: body });
      setFocusRequest((count) => count + 1);
    };
    if (mode === 'edit' && editing !== undefined) {
      update.mutate(
        { id: editing.id, ifMatch: editing.etag, body },
        { onSuccess: saved, onError: failed },
      );
    } else {
      create.mutate(
        { body, idempotencyKey: idempotencyKeyFor(body) },
        { onSuccess: saved, onError: failed },
      );
    }
  };

  const reload = async () => {
    if (onReloadLatest === undefined) return;
    setReloading(true);
    const error = await onReloadLatest();
    setReloading(false);
    if (error !== null) setFailure({ error, sentBody: validation.body });
  };

  return (
    // The preview follows the form in reading order; wide screens keep it in view beside it.
    <div className="icp-form-layout">
      <form ref={form} className="icp-form" onSubmit={submit} noValidate>
        {failure !== null && (
          <div className="icp-form__banner" data-error-anchor tabIndex={-1}>
            {failure.error.code === 'PRECONDITION_FAILED' ? (
              <div className="alert alert--error" role="alert">
                <strong className="alert__title">Someone else changed this profile</strong>
                <p className="alert__body">
                  It was saved by someone else after you opened it, so your changes were not saved.
                  They are still in the form below. Reload their version to continue from it; your
                  unsaved changes will then be replaced.
                </p>
                <div className="alert__actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={reload}
                    disabled={reloading}
                  >
                    {reloading ? 'Reloading…' : 'Reload their version'}
                  </button>
                </div>
              </div>
            ) : (
              <ErrorBanner
                error={
                  failure.error.details.length > 0
                    ? {
                        ...failure.error,
                        message:
                          'The server did not accept some values; each problem is shown beside its field.',
                      }
                    : failure.error
                }
              />
            )}
          </div>
        )}
        {failure === null && submitted && validation.details.length > 0 && (
          <div className="alert alert--error" role="alert">
            <strong className="alert__title">Some fields need attention</strong>
            <p className="alert__body">
              Nothing was saved. Each problem is shown beside its field.
            </p>
          </div>
        )}
        {formLevelErrors !== undefined && (
          <ul className="form-errors" data-error-anchor tabIndex={-1}>
            {formLevelErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}

        {copiedFrom !== undefined && (
          <CopySharingNotice
            sourceName={copiedFrom}
            others={copiedSharing}
            onClear={() => set({ userIds: [currentUserId] })}
          />
        )}

        <FormSection
          title="Basics"
          subtitle="What this profile targets. The name is how your team finds it."
        >
          <Field label="Name" errors={errorsAt(errors, 'name')}>
            {(control) => (
              <input
                {...control}
                className="input"
                autoComplete="off"
                value={draft.name}
                onChange={(event) => set({ name: event.target.value })}
              />
            )}
          </Field>
          <Field
            label="Description"
            optional
            hint="Who this is for and why, for whoever picks it up next."
            errors={errorsAt(errors, 'description')}
          >
            {(control) => (
              <textarea
                {...control}
                className="textarea"
                value={draft.description.text}
                onChange={(event) => {
                  const text = event.target.value;
                  setDraft((current) => ({
                    ...current,
                    description: { ...current.description, text },
                  }));
                }}
              />
            )}
          </Field>
        </FormSection>

        <LeadSearchesSection
          criteria={draft.leadCriteria}
          errors={errors}
          onChange={(change) =>
            setDraft((current) => ({ ...current, leadCriteria: change(current.leadCriteria) }))
          }
        />

        <FiltersSection
          filters={draft.customFilters}
          errors={errors}
          onChange={(change) =>
            setDraft((current) => ({ ...current, customFilters: change(current.customFilters) }))
          }
        />

        <CrmFiltersEditor
          crm={draft.crm}
          errors={errors}
          onChange={(change) => setDraft((current) => ({ ...current, crm: change(current.crm) }))}
        />

        <FormSection
          title="Sharing and delivery"
          subtitle="Who can use this profile, how many leads each list holds, and until when it runs."
        >
          <SharingEditor
            mode={mode}
            userIds={draft.userIds}
            currentUserId={currentUserId}
            initiallyShared={initiallyShared}
            errors={errorsAt(errors, 'userIds')}
            onChange={(userIds) => set({ userIds })}
          />
          <DeliveryFields
            leadsPerList={draft.leadsPerList}
            activeUntil={draft.activeUntil}
            errors={errors}
            onChange={set}
          />
        </FormSection>

        <div className="form-actions">
          <PreviewSummary readiness={readiness} draftPreview={draftPreview} />
          <output className="form-actions__status" aria-live="polite">
            {saving ? 'Saving…' : null}
          </output>
          <Link href={cancelHref} className="button button--secondary">
            Cancel
          </Link>
          <button type="submit" className="button button--primary" aria-disabled={saving}>
            Save profile
          </button>
        </div>
      </form>
      <MatchingPeoplePanel readiness={readiness} draftPreview={draftPreview} />
      <UnsavedChangesGuard when={changed && !isSaved} />
    </div>
  );
}
