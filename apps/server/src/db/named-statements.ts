import pg from 'pg';

/** SQL texts sent as named statements, and their names: only texts the code registered. */
const names = new Map<string, string>();

/**
 * Marks a query's SQL text as one to prepare on PostgreSQL: each connection then parses and
 * plans it once and runs it by name after. Only fixed texts may be registered (prepared-query.ts
 * does it for the queries it compiles once), so the statements a connection holds stay bounded.
 */
export function prepareOnPostgres(sql: string): void {
  if (!names.has(sql)) names.set(sql, `icp_statement_${names.size + 1}`);
}

/**
 * A pg client that sends each registered text as a named (prepared) statement. Kysely's
 * PostgreSQL driver calls `query(text, values)`; anything else (cursors, config objects,
 * unregistered texts) goes through unchanged.
 */
export class NamedStatementClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const send = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      const [text, values, ...rest] = args;
      const name = typeof text === 'string' ? names.get(text) : undefined;
      return name !== undefined && (values === undefined || Array.isArray(values))
        ? send({ name, text, values }, ...rest)
        : send(...args);
    }) as pg.Client['query'];
  }
}
