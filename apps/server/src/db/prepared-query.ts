import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Db } from './connect.js';

/**
 * A query built and compiled once per database, then run with new values: building and compiling
 * a Kysely query costs as much as a point lookup itself. `build` receives placeholders for the
 * values; each must appear exactly once among the compiled parameters.
 */
export function preparedQuery<Row, Args extends unknown[]>(
  arity: Args['length'],
  build: (db: Db, ...placeholders: unknown[]) => Compilable<Row>,
): (db: Db, ...values: Args) => Promise<QueryResult<Row>> {
  // Per database instance, because the SQL text depends on the dialect.
  const compiledFor = new WeakMap<Db, { query: CompiledQuery<Row>; slots: number[] }>();
  const compile = (db: Db) => {
    const placeholders = Array.from({ length: arity }, (_, index) => Symbol(`value ${index}`));
    const query = build(db, ...placeholders).compile();
    // slots[i]: the position among the compiled parameters of the i-th value.
    const slots = placeholders.map((placeholder) => query.parameters.indexOf(placeholder));
    const used = query.parameters.filter((parameter) => placeholders.includes(parameter as symbol));
    if (slots.includes(-1) || used.length !== arity) {
      throw new Error(`A prepared query must use each of its ${arity} placeholders exactly once`);
    }
    return { query, slots };
  };
  return (db, ...values) => {
    let compiled = compiledFor.get(db);
    if (compiled === undefined) {
      compiled = compile(db);
      compiledFor.set(db, compiled);
    }
    const parameters = [...compiled.query.parameters];
    compiled.slots.forEach((slot, index) => {
      parameters[slot] = values[index];
    });
    return db.executeQuery({ ...compiled.query, parameters });
  };
}
