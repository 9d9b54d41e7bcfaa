/**
 * Who is the client: the address the sign-in limits key on.
 *
 * By default the TCP peer's address, and `X-Forwarded-For` is ignored: anyone can send
 * that header, so trusting it would let a guesser pick a fresh address for every try.
 * Behind a reverse proxy or load balancer, list it in `TRUSTED_PROXIES` (addresses,
 * CIDR ranges, or `loopback` / `private`). Then, when the peer is trusted, the
 * `X-Forwarded-For` chain is read from the right (the end each proxy appends to) and the
 * first address that is not a trusted proxy is the client: entries further left were
 * written by the client itself and are never used. An entry that is not an IP address
 * stops the walk at the last trusted hop.
 */
import { BlockList, isIP } from 'node:net';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

/** Named ranges `TRUSTED_PROXIES` accepts besides addresses and CIDR ranges. */
const NAMED_RANGES: Record<string, ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']>> = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
};

export interface TrustedProxies {
  /** Whether `address` (a normalised IP) is one of the trusted proxies. */
  trusts(address: string): boolean;
  /** The list as configured, for messages. */
  readonly description: string;
}

/** Trusts nobody: `X-Forwarded-For` is never read. */
export const NO_TRUSTED_PROXIES: TrustedProxies = { trusts: () => false, description: 'none' };

/**
 * Parses `TRUSTED_PROXIES` (space or comma separated): `10.0.0.7`, `10.0.0.0/8`,
 * `2001:db8::/32`, `loopback`, `private`. Returns the invalid items so config can name them.
 */
export function parseTrustedProxies(text: string): {
  proxies: TrustedProxies;
  invalid: string[];
} {
  const items = text.split(/[\s,]+/).filter(Boolean);
  const list = new BlockList();
  const invalid: string[] = [];
  for (const item of items) {
    const named = NAMED_RANGES[item.toLowerCase()];
    if (named) {
      for (const [network, prefix, type] of named) list.addSubnet(network, prefix, type);
      continue;
    }
    const [address = '', prefixText, extra] = item.split('/');
    const type = isIP(address);
    const max = type === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (
      type === 0 ||
      extra !== undefined ||
      (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) ||
      prefix > max
    ) {
      invalid.push(item);
      continue;
    }
    list.addSubnet(normaliseAddress(address), prefix, type === 4 ? 'ipv4' : 'ipv6');
  }
  if (items.length === 0) return { proxies: NO_TRUSTED_PROXIES, invalid };
  return {
    proxies: {
      trusts: (address) => {
        const type = isIP(address);
        return type !== 0 && list.check(address, type === 4 ? 'ipv4' : 'ipv6');
      },
      description: items.join(', '),
    },
    invalid,
  };
}

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) as `10.0.0.1`; IPv6 lower-cased. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  return address.toLowerCase();
}

/** An `X-Forwarded-For` entry as an address: `[2001:db8::1]:443` and `1.2.3.4:80` lose the port. */
function forwardedAddress(entry: string): string | undefined {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.indexOf(':'));
  return isIP(value) === 0 ? undefined : normaliseAddress(value);
}

/**
 * The client's address from the TCP peer (`remoteAddress`) and, when the peer is a trusted
 * proxy, the `X-Forwarded-For` chain; `undefined` when there is no peer (in-process requests).
 */
export function resolveClientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | undefined,
  proxies: TrustedProxies,
): string | undefined {
  if (remoteAddress === undefined) return undefined;
  let client = normaliseAddress(remoteAddress);
  if (!forwardedFor || !proxies.trusts(client)) return client;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = forwardedAddress(hops[i] ?? '');
    if (hop === undefined) return client;
    client = hop;
    if (!proxies.trusts(hop)) return hop;
  }
  return client;
}

/** The client address of a Hono request on @hono/node-server (`undefined` in-process). */
export function clientAddressOf(c: Context, proxies: TrustedProxies): string | undefined {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return resolveClientAddress(
    incoming?.socket?.remoteAddress,
    c.req.header('x-forwarded-for'),
    proxies,
  );
}
