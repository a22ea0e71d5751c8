import ipaddr from 'ipaddr.js';

/**
 * What kind of refused address `address` is (`a loopback address`), or null when it may receive
 * webhooks: only globally routed unicast addresses may. An IPv4-mapped IPv6 address
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it maps, so it cannot smuggle a refused one
 * past the check. Every other special range (loopback, RFC 1918 and unique local, link-local with
 * the cloud metadata address, carrier-grade NAT, unspecified, multicast, broadcast,
 * documentation, NAT64, 6to4, Teredo and the rest) is refused: the ones that embed an IPv4
 * address could reach a private one.
 */
export function refusedAddressKind(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const range = ipaddr.process(address).range();
  if (range === 'unicast') return null;
  return `a ${RANGE_NAMES[range] ?? `${range} (special-purpose)`} address`;
}

/** Why `address` is refused (`127.0.0.1 is a loopback address`), or null when it is public. */
export function refusedAddressReason(address: string): string | null {
  const kind = refusedAddressKind(address);
  return kind === null ? null : `${address} is ${kind}`;
}

/** Why `host`, resolving to `address`, is refused, or null when the address is public. */
export function refusedHostReason(host: string, address: string): string | null {
  if (host === address) return refusedAddressReason(address);
  const kind = refusedAddressKind(address);
  return kind === null ? null : `${host} resolves to ${address}, which is ${kind}`;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private (unique local)',
  linkLocal: 'link-local',
  carrierGradeNat: 'shared (carrier-grade NAT)',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved',
};
