import ipaddr from 'ipaddr.js';

/**
 * Why an address may not receive webhooks, or null when it may: only globally routed unicast
 * addresses may. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged as the IPv4
 * address it maps, so it cannot smuggle a refused one past the check. Every other special
 * range (loopback, RFC 1918 and unique local, link-local with the cloud metadata address,
 * carrier-grade NAT, unspecified, multicast, broadcast, documentation, NAT64, 6to4, Teredo and
 * the rest) is refused: the ones that embed an IPv4 address could reach a private one.
 */
export function refusedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast') return null;
  return `${address} is a ${RANGE_NAMES[range] ?? `${range} (special-purpose)`} address`;
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
