import Database from 'better-sqlite3';

export interface DurabilityCheck {
  /** Whether the server was killed (SIGKILL) rather than stopped gracefully before the check. */
  afterHardKill: boolean;
  acknowledged: number;
  missing: number;
  rows: number;
  expectedAtLeast: number;
}

/** Opens the stopped server's database and looks up every ICP a 2xx answer reported. */
export function checkDurability(
  databasePath: string,
  seededRows: number,
  acknowledgedIds: readonly string[],
  afterHardKill: boolean,
): DurabilityCheck {
  const db = new Database(databasePath);
  try {
    const exists = db.prepare<[string], { found: number }>(
      'select 1 as found from icps where id = ?',
    );
    const missing = acknowledgedIds.filter((id) => exists.get(id) === undefined).length;
    const { rows } = db.prepare('select count(*) as rows from icps').get() as { rows: number };
    const acknowledged = new Set(acknowledgedIds).size;
    return {
      afterHardKill,
      acknowledged,
      missing,
      rows,
      expectedAtLeast: seededRows + acknowledged,
    };
  } finally {
    db.close();
  }
}
