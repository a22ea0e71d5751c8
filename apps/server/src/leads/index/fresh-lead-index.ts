/**
 * Keeps a process's lead index as fresh as the database, however many processes write to it.
 * Every write of people or companies takes the next lead revision (see lead-revision.ts) and
 * stamps its rows; deletions are recorded by triggers. Before each search, the index compares
 * its revision with the database's (one point read):
 * - equal: the index answers;
 * - a few rows behind (up to `catchUpLimit`, 5,000 by default): it reads those rows and applies
 *   them first (a thousand at a time, yielding to the event loop in between), so the
 *   search sees every write committed before it, on every replica;
 * - further behind (a large import), or behind deletions pruned since (see
 *   lead-deletions-pruning.ts: the same point read says up to which revision): a new index is
 *   built in the background and swapped in when it is done; until then searches are answered
 *   from the current one.
 * Until the first build is done a search waits for it, and `/healthz` answers 503.
 */
import type { Db } from '../../db/connect.js';
import { rootDatabase } from '../../db/root-database.js';
import type { Logger } from '../../logging/logger.js';
import { currentLeadRevision, leadRevisionState } from '../lead-revision.js';
import type { BitmapLeadIndex } from './bitmap-lead-index.js';
import { type BuildOptions, buildLeadIndex } from './build-lead-index.js';
import { inPages } from './in-pages.js';
import { companiesQuery, indexedCompany, indexedPerson, peopleQuery } from './indexed-records.js';

/** Rows behind beyond which an index is rebuilt rather than caught up. */
export const DEFAULT_CATCH_UP_LIMIT = 5_000;
/**
 * Ids numbered since the build (new people, and people written again) that an index may hold
 * before it is rebuilt in the background: pages merge them in one by one.
 */
const MIN_DRIFT = 5_000;
const DRIFT_SHARE = 0.01;
const MAX_ATTEMPTS = 3;

export interface FreshLeadIndexOptions {
  catchUpLimit?: number | undefined;
  /** How the index is built (see build-lead-index.ts): the database's URL, for two threads. */
  build?: BuildOptions | undefined;
  /** Where a failed background rebuild is reported. */
  logger?: Pick<Logger, 'error'> | undefined;
}

async function countChangesBetween(db: Db, from: number, to: number): Promise<number> {
  const counts = await Promise.all(
    (['companies', 'people', 'lead_deletions'] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('revision', '>', from)
        .where('revision', '<=', to)
        .executeTakeFirstOrThrow(),
    ),
  );
  return counts.reduce((sum, { n }) => sum + Number(n), 0);
}

/** Rows read and applied at a time, yielding to the event loop between them. */
const CATCH_UP_PAGE = 1_000;

/**
 * Applies what was written after the index's revision, up to `revision`, a page of rows at a
 * time. Deletions first: a row deleted and written again since is read as it stands now.
 * Resolves false, changing nothing, when deletions after the index's revision were pruned
 * (before the read or during it): the index is to be rebuilt.
 */
async function catchUp(db: Db, index: BitmapLeadIndex, revision: number): Promise<boolean> {
  const from = index.revision;
  const deletions = await db
    .selectFrom('lead_deletions')
    .select(['kind', 'id'])
    .where('revision', '>', from)
    .where('revision', '<=', revision)
    .execute();
  // Read after the deletions: a prune that took some of them had committed before that read.
  if ((await leadRevisionState(db)).deletionsPrunedThrough > from) return false;
  index.deleteCompanies(deletions.flatMap((row) => (row.kind === 'company' ? [row.id] : [])));
  index.deletePeople(deletions.flatMap((row) => (row.kind === 'person' ? [row.id] : [])));
  await inPages(
    CATCH_UP_PAGE,
    (after, limit) => {
      const page = companiesQuery(db)
        .where('revision', '>', from)
        .where('revision', '<=', revision)
        .orderBy('id')
        .limit(limit);
      return (after === null ? page : page.where('id', '>', after)).execute();
    },
    (rows) => index.putCompanies(rows.map(indexedCompany)),
  );
  await inPages(
    CATCH_UP_PAGE,
    (after, limit) => {
      const page = peopleQuery(db)
        .where('revision', '>', from)
        .where('revision', '<=', revision)
        .orderBy('id')
        .limit(limit);
      return (after === null ? page : page.where('id', '>', after)).execute();
    },
    (rows) => index.putPeople(rows.map(indexedPerson)),
  );
  index.revision = revision;
  return true;
}

export class FreshLeadIndex {
  readonly #db: Db;
  readonly #catchUpLimit: number;
  readonly #logger: Pick<Logger, 'error'> | undefined;
  readonly #build: BuildOptions;
  #index: BitmapLeadIndex | null = null;
  #firstBuild: Promise<BitmapLeadIndex> | null = null;
  #catchingUp: Promise<void> | null = null;
  #rebuilding: Promise<void> | null = null;

  constructor(db: Db, options: FreshLeadIndexOptions = {}) {
    this.#db = db;
    this.#catchUpLimit = options.catchUpLimit ?? DEFAULT_CATCH_UP_LIMIT;
    this.#logger = options.logger;
    this.#build = options.build ?? {};
  }

  /** Whether the first build is done. */
  get ready(): boolean {
    return this.#index !== null;
  }

  /** Starts the first build (searches start it too); resolves once it is done. */
  async start(): Promise<void> {
    await this.#built();
  }

  #built(): Promise<BitmapLeadIndex> {
    if (this.#index !== null) return Promise.resolve(this.#index);
    this.#firstBuild ??= buildLeadIndex(this.#db, this.#build).then(
      (index) => {
        this.#index = index;
        return index;
      },
      (error: unknown) => {
        // The next search tries again.
        this.#firstBuild = null;
        throw error;
      },
    );
    return this.#firstBuild;
  }

  /**
   * The index, with every lead write committed before the call applied; while a rebuild runs,
   * the current index as it stands, unless `readOwnWrites` (the search looks for rows its own
   * request just wrote, such as CRM contacts): then it waits for the rebuild.
   */
  async fresh(options: { readOwnWrites?: boolean } = {}): Promise<BitmapLeadIndex> {
    await this.#built();
    const { revision, deletionsPrunedThrough } = await leadRevisionState(this.#db);
    // A catch-up or rebuild that keeps failing fails the search rather than looping.
    for (let attempt = 0; (this.#index as BitmapLeadIndex).revision < revision; attempt += 1) {
      if (attempt === MAX_ATTEMPTS) throw new Error('The lead index could not catch up');
      if (this.#rebuilding !== null) {
        if (!options.readOwnWrites) break;
        await this.#rebuilding;
        continue;
      }
      this.#catchingUp ??= this.#catchUpTo(revision, deletionsPrunedThrough).finally(() => {
        this.#catchingUp = null;
      });
      await this.#catchingUp;
    }
    return this.#index as BitmapLeadIndex;
  }

  async #catchUpTo(revision: number, deletionsPrunedThrough: number): Promise<void> {
    const index = this.#index as BitmapLeadIndex;
    if (index.revision >= revision) return;
    // Deletions it never saw are gone from lead_deletions: only a new build leaves them out.
    if (index.revision < deletionsPrunedThrough) {
      this.#rebuildInBackground();
      return;
    }
    const behind = await countChangesBetween(this.#db, index.revision, revision);
    if (behind > this.#catchUpLimit || !(await catchUp(this.#db, index, revision))) {
      this.#rebuildInBackground();
      return;
    }
    if (index.drift > Math.max(MIN_DRIFT, index.people.size * DRIFT_SHARE)) {
      this.#rebuildInBackground();
    }
  }

  #rebuildInBackground(): void {
    this.#rebuilding ??= (async () => {
      const rebuilt = await buildLeadIndex(this.#db, this.#build);
      // What was written during the build is applied before the swap, however much it is.
      const revision = await currentLeadRevision(this.#db);
      if (rebuilt.revision < revision && !(await catchUp(this.#db, rebuilt, revision))) {
        throw new Error('Lead deletions were pruned while the lead index was built');
      }
      this.#index = rebuilt;
    })()
      .catch((error: unknown) => {
        this.#logger?.error({ event: 'lead_index_rebuild_failed', error: String(error) });
      })
      .finally(() => {
        this.#rebuilding = null;
      });
  }

  /** Resolves once a background rebuild, if any, is done (for tests and the bench). */
  async settled(): Promise<void> {
    await this.#rebuilding;
  }
}

const indexes = new WeakMap<Db, FreshLeadIndex>();

/**
 * The lead index of `db`'s database in this process, created (not yet built) on first use: one
 * for every handle of that database (see root-database.ts), reading through the root handle.
 */
export function leadIndexOf(db: Db, options?: FreshLeadIndexOptions): FreshLeadIndex {
  const root = rootDatabase(db);
  let index = indexes.get(root);
  if (index === undefined) {
    index = new FreshLeadIndex(root, options);
    indexes.set(root, index);
  }
  return index;
}
