import {
  type ErrorDetail,
  issuesToDetails,
  type Schedule,
  type ScheduleEvery,
  type ScheduleInput,
  type ScheduleSetResult,
  scheduleEvery,
  scheduleInput,
} from '@icp/schema';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { type ApiError, fieldErrorsOf, toApiError } from '../../api/api-error';
import { plainMessage } from '../../api/plain-message';
import { useTRPC } from '../../api/trpc';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { readableMessage, stillApplies } from '../icp-form/form-errors';
import { browserTimeZone, everyChoices, knownTimeZones } from './schedule-text';

interface ScheduleDraft {
  every: ScheduleEvery;
  at: string;
  timezone: string;
  webhookUrl: string;
}

const FIELDS = new Set(['every', 'at', 'timezone', 'webhookUrl']);

function draftOf(schedule: Schedule | null): ScheduleDraft {
  return schedule === null
    ? { every: 'week', at: '09:00', timezone: browserTimeZone(), webhookUrl: '' }
    : {
        every: schedule.every,
        at: schedule.at,
        timezone: schedule.timezone,
        webhookUrl: schedule.webhookUrl ?? '',
      };
}

function bodyOf(draft: ScheduleDraft): ScheduleInput {
  const webhookUrl = draft.webhookUrl.trim();
  return {
    every: draft.every,
    at: draft.at,
    timezone: draft.timezone.trim(),
    ...(webhookUrl === '' ? {} : { webhookUrl }),
  };
}

/** What is wrong with the body, checked by the schema the server uses. */
function problemsOf(body: ScheduleInput): ErrorDetail[] {
  const result = scheduleInput.safeParse(body);
  if (result.success) return [];
  return issuesToDetails(
    result.error.issues.map((issue) => ({ ...issue, message: readableMessage(issue) })),
  );
}

/**
 * Sets the profile's delivery schedule, or changes it (prefilled with `current`). Problems show
 * beside their field, whether the form or the server found them.
 */
export function ScheduleForm({
  icpId,
  current,
  onSaved,
  onCancel,
}: {
  icpId: string;
  current: Schedule | null;
  onSaved: (schedule: ScheduleSetResult) => void;
  onCancel?: () => void;
}) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState(() => draftOf(current));
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<{ error: ApiError; sentBody: ScheduleInput } | null>(null);
  const zonesId = useId();
  const zones = useMemo(knownTimeZones, []);
  const save = useMutation(trpc.schedules.set.mutationOptions());

  const body = bodyOf(draft);
  const problems = submitted ? problemsOf(body) : [];
  const serverDetails =
    failure?.error.details.filter((detail) => stillApplies(detail, failure.sentBody, body)) ?? [];
  const errors = fieldErrorsOf(
    [...problems, ...serverDetails].map((detail) => ({
      ...detail,
      message: plainMessage(detail.message),
    })),
  );
  const otherErrors = Object.entries(errors)
    .filter(([key]) => !FIELDS.has(key))
    .flatMap(([, messages]) => messages);

  const set = (patch: Partial<ScheduleDraft>) => setDraft((before) => ({ ...before, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSubmitted(true);
    setFailure(null);
    if (problemsOf(body).length > 0) return;
    save.mutate(
      { id: icpId, body },
      {
        onSuccess: (result) => onSaved(result.schedule),
        onError: (error) => setFailure({ error: toApiError(error), sentBody: body }),
      },
    );
  };

  return (
    <form className="schedule-form" onSubmit={submit} noValidate>
      {failure !== null && (
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
          title={failure.error.details.length > 0 ? undefined : 'The schedule could not be saved'}
        />
      )}
      <div className="schedule-form__fields">
        <Field label="Every" errors={errors.every}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={draft.every}
              onChange={(event) => set({ every: scheduleEvery.parse(event.target.value) })}
            >
              {everyChoices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="At" hint="When each period starts." errors={errors.at}>
          {(control) => (
            <input
              {...control}
              type="time"
              className="input"
              value={draft.at}
              onChange={(event) => set({ at: event.target.value })}
            />
          )}
        </Field>
        <Field
          label="Time zone"
          hint="An IANA name, such as Europe/Paris."
          errors={errors.timezone}
        >
          {(control) => (
            <>
              <input
                {...control}
                className="input"
                list={zonesId}
                autoComplete="off"
                spellCheck={false}
                value={draft.timezone}
                onChange={(event) => set({ timezone: event.target.value })}
              />
              <datalist id={zonesId}>
                {zones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <Field
        label="Webhook URL"
        optional
        hint="Each delivered list is posted here, signed as Standard Webhooks describes. A new or changed URL gets a new signing secret."
        errors={errors.webhookUrl}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            className="input"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            value={draft.webhookUrl}
            onChange={(event) => set({ webhookUrl: event.target.value })}
          />
        )}
      </Field>
      {otherErrors.length > 0 && (
        <ul className="form-errors">
          {otherErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="schedule-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={save.isPending}>
          {save.isPending ? 'Saving…' : current === null ? 'Set schedule' : 'Save schedule'}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        <output className="visually-hidden" aria-live="polite">
          {save.isPending ? 'Saving the schedule…' : null}
        </output>
      </div>
    </form>
  );
}
