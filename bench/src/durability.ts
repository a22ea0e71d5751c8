import { openServerDatabase } from './server-database.js';

export interface DurabilityCheck {
  /** Whether the server was killed (SIGKILL) rather than stopped gracefully before the check. */
  afterHardKill: boolean;
  acknowledged: number;
  missing: number;
  rows: number;
  expectedAtLeast: number;
}

const IDS_PER_LOOKUP = 1_000;

/** Opens the stopped server's database and looks up every ICP a 2xx answer reported. */
export async function checkDurability(
  databaseUrl: string,
  seededRows: number,
  acknowledgedIds: readonly string[],
  afterHardKill: boolean,
): Promise<DurabilityCheck> {
  const db = await openServerDatabase(databaseUrl);
  try {
    const acknowledged = [...new Set(acknowledgedIds)];
    let found = 0;
    for (let start = 0; start < acknowledged.length; start += IDS_PER_LOOKUP) {
      const ids = acknowledged.slice(start, start + IDS_PER_LOOKUP);
      found += (await db.selectFrom('icps').select('id').where('id', 'in', ids).execute()).length;
    }
    const { rows } = await db
      .selectFrom('icps')
      .select((eb) => eb.fn.countAll<number>().as('rows'))
      .executeTakeFirstOrThrow();
    return {
      afterHardKill,
      acknowledged: acknowledged.length,
      missing: acknowledged.length - found,
      rows,
      expectedAtLeast: seededRows + acknowledged.length,
    };
  } finally {
    await db.destroy();
  }
}
