// Which address a request comes from, decided where the TCP socket is known (the standalone
// server's front layer, scripts/front-server). Pure functions over node:net, so the front layer,
// the environment check and the tests share one copy.
import { BlockList, isIP } from 'node:net';

export interface TrustedProxies {
  /** The entries as configured, for messages. */
  entries: string[];
  list: BlockList;
}

/**
 * TRUSTED_PROXIES: addresses or CIDR ranges of the proxies in front of the portal, separated by
 * commas or spaces (e.g. "10.0.0.0/8, 2001:db8::/32, 127.0.0.1"). Throws on an entry that is
 * neither, so a typo is found at startup rather than trusted silently.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (bits !== undefined && (!/^\d{1,3}$/.test(prefix!) || bits > maxBits))
    ) {
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range like 10.0.0.0/8`,
      );
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return { entries, list };
}

/** An IPv4 peer on a dual-stack socket is reported as ::ffff:a.b.c.d. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy. Then
 * X-Forwarded-For is read from the right (each proxy appends the address it saw) and the first
 * address that is not itself a trusted proxy is the client. Everything to the left of it was
 * written by the client and is ignored. An entry that is not an IP address ends the walk at the
 * last trusted hop, which is then the best address known.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = normalise(peer ?? '');
  if (!isIP(client)) return 'unknown';
  if (!isTrusted(client, trusted)) return client;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header
    .split(',')
    .map((hop) => normalise(hop.trim()))
    .filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index]!;
    if (!isIP(hop)) return client;
    client = hop;
    if (!isTrusted(hop, trusted)) return hop;
  }
  return client;
}
