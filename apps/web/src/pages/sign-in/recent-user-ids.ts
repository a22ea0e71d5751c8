const STORAGE_KEY = 'icp.recentUserIds';
const MAX_REMEMBERED = 5;

/** User ids signed in with locally on this browser, newest first. */
export function recentUserIds(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberUserId(userId: string): void {
  const next = [userId, ...recentUserIds().filter((id) => id !== userId)].slice(0, MAX_REMEMBERED);
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
}
