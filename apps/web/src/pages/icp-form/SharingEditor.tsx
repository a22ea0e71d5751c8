import { Badge } from '../../ui/Badge';
import { Field } from '../../ui/Field';
import { TagInput } from '../../ui/TagInput';
import type { FormMode } from './form-errors';

/**
 * Who may see, edit and delete the profile. On create the signed-in user is always on the list
 * (the server adds them anyway), so only the others are edited. On edit the list is saved as sent:
 * it may not be empty, and removing yourself means leaving the profile.
 */
export function SharingEditor({
  mode,
  userIds,
  currentUserId,
  initiallyShared,
  errors,
  onChange,
}: {
  mode: FormMode;
  userIds: string[];
  currentUserId: string;
  /** Whether the current user was on the list when editing began. */
  initiallyShared: boolean;
  errors?: readonly string[] | undefined;
  onChange: (next: string[]) => void;
}) {
  if (mode === 'create') {
    const others = userIds.filter((id) => id !== currentUserId);
    return (
      <div className="stack sharing">
        <p className="sharing__creator">
          <span className="sharing__user">{currentUserId}</span>
          <Badge tone="info">You, the creator: always has access</Badge>
        </p>
        <Field
          label="Share with"
          optional
          hint="User ids of teammates, such as user_abc123. Press Enter or a comma after each."
          errors={errors}
        >
          {(control) => (
            <TagInput
              control={control}
              value={others}
              placeholder="user_…"
              onChange={(next) =>
                onChange([currentUserId, ...next.filter((id) => id !== currentUserId)])
              }
            />
          )}
        </Field>
      </div>
    );
  }
  const leaving = initiallyShared && !userIds.includes(currentUserId);
  return (
    <div className="stack sharing">
      <Field
        label="Share with"
        hint="Everyone listed can see, edit and delete this profile. Keep at least one user id."
        errors={errors}
      >
        {(control) => (
          <TagInput control={control} value={userIds} placeholder="user_…" onChange={onChange} />
        )}
      </Field>
      {leaving && (
        <p className="alert alert--info">
          You ({currentUserId}) are not on the list any more: after saving you will no longer have
          access to this profile.
        </p>
      )}
    </div>
  );
}
