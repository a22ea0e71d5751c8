import { type Lead, leadCompany, leadPerson } from '@icp/schema';

/** `value`'s fields in the order of `shape`, null for those it lacks. */
function inShapeOrder<T>(shape: object, value: object): T {
  const fields = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(shape).map((key) => [key, Object.hasOwn(fields, key) ? fields[key] : null]),
  ) as T;
}

/**
 * A lead as a list stored it. Lists made before leads had profile fields (LinkedIn, location,
 * description, headquarters...) stored none: they read as null, as for any lead whose data lacks
 * them. Fields come in the schema's order, as in a lead just found.
 */
export function leadOfSnapshot(json: string): Lead {
  const lead = JSON.parse(json) as Lead;
  return {
    ...lead,
    person: inShapeOrder(leadPerson.shape, lead.person),
    company: lead.company === null ? null : inShapeOrder(leadCompany.shape, lead.company),
  };
}
