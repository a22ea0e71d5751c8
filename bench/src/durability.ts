import Database from 'better-sqlite3';

export interface DurabilityCheck {
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
): DurabilityCheck {
  const db = new Database(databasePath);
  try {
    const exists = db.prepare<[string], { found: number }>(
      'select 1 as found from icps where id = ?',
    );
    const missing = acknowledgedIds.filter((id) => exists.get(id) === undefined).length;
    const { rows } = db.prepare<[], { rows: number }>('select count(*) as rows from icps').get() ?? {
      rows: 0,
    };
    const acknowledged = new Set(acknowledgedIds).size;
    return { acknowledged, missing, rows, expectedAtLeast: seededRows + acknowledged };
  } finally {
    db.close();
  }
}
