import { countOf } from './text';

/** Who an ICP is shared with, seen by one user. */
export interface Sharing {
  /** Short text for lists: "Only you", "You and 1 other", "You and 2 others", or "3 users". */
  label: string;
  /** The other users' ids, in the ICP's order; every id when the viewer is not a member. */
  others: string[];
  /** Whether the viewer is among the ICP's users (admins may view ICPs they are not in). */
  includesViewer: boolean;
}

export function sharingOf(userIds: readonly string[], viewerId: string | null): Sharing {
  const unique = [...new Set(userIds)];
  const includesViewer = viewerId !== null && unique.includes(viewerId);
  const others = unique.filter((id) => id !== viewerId);
  let label: string;
  if (!includesViewer) label = countOf(others.length, 'user');
  else if (others.length === 0) label = 'Only you';
  else label = `You and ${countOf(others.length, 'other')}`;
  return { label, others, includesViewer };
}
