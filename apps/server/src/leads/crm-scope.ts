/**
 * CRM records belong to whoever's CRM search found them: a CRM is one customer's private data.
 * They are stored in the lead database under a scope (`crm_scope`), with ids made unique to it,
 * so the same CRM contact found for two scopes is two records, and a scoped record matches only
 * through its own scope's CRM sourcing, never through anyone's provider criteria. Today an ICP's
 * CRM filters are its scope.
 */

/** The scope of the CRM records an ICP's CRM search brings in. */
export function crmScopeOfIcp(icpId: string): string {
  return `icp:${icpId}`;
}

/** A CRM record's id within its scope, such as `icp:<uuid>/bullhorn-123`. */
export function scopedCrmId(scope: string, crmId: string): string {
  return `${scope}/${crmId}`;
}
