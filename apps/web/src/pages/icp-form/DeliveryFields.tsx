import { icpCreateInput, LEADS_PER_LIST_DEFAULT } from '@icp/schema';
import type { FieldErrors } from '../../api/api-error';
import { Field } from '../../ui/Field';
import { NumberInput } from '../../ui/NumberInput';
import { errorsAt } from './form-errors';

const leadsPerListBounds = icpCreateInput.shape.leadsPerList.unwrap();

const formatCount = (value: number | null): string => (value ?? 0).toLocaleString('en');

const timeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'your time zone';
  }
};

/** Whether a `datetime-local` value names a moment already past (the profile then makes no lists). */
export function isPast(localValue: string, now: Date = new Date()): boolean {
  if (localValue.trim() === '') return false;
  const time = new Date(localValue).getTime();
  return !Number.isNaN(time) && time <= now.getTime();
}

/** How many leads each list holds and until when the profile produces lists. */
export function DeliveryFields({
  leadsPerList,
  activeUntil,
  errors,
  onChange,
}: {
  leadsPerList: string;
  activeUntil: string;
  errors: FieldErrors;
  onChange: (patch: { leadsPerList?: string; activeUntil?: string }) => void;
}) {
  return (
    <div className="grid-2">
      <Field
        label="Leads per list"
        hint={`From ${formatCount(leadsPerListBounds.minValue)} to ${formatCount(leadsPerListBounds.maxValue)}; the default is ${LEADS_PER_LIST_DEFAULT}.`}
        errors={errorsAt(errors, 'leadsPerList')}
      >
        {(control) => (
          <NumberInput
            control={control}
            min={leadsPerListBounds.minValue ?? undefined}
            max={leadsPerListBounds.maxValue ?? undefined}
            value={leadsPerList}
            onChange={(next) => onChange({ leadsPerList: next })}
          />
        )}
      </Field>
      <Field
        label="Active until"
        optional
        hint={`In ${timeZone()}. Leave empty for no expiry; after this moment no new lists are made.`}
        errors={errorsAt(errors, 'activeUntil')}
      >
        {(control) => (
          <>
            <div className="row row--tight">
              <input
                {...control}
                type="datetime-local"
                // Whole minutes unless the saved date has seconds, which then stay as they are.
                step={activeUntil.split(':').length > 2 ? 'any' : undefined}
                className="input input--datetime"
                value={activeUntil}
                onChange={(event) => onChange({ activeUntil: event.target.value })}
              />
              {activeUntil !== '' && (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => onChange({ activeUntil: '' })}
                >
                  Remove date
                </button>
              )}
            </div>
            {isPast(activeUntil) && (
              <p className="alert alert--warning" role="alert">
                This date has passed: saved like this, the profile is expired and makes no new lead
                lists.
              </p>
            )}
          </>
        )}
      </Field>
    </div>
  );
}
