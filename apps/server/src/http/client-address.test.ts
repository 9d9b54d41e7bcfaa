import { describe, expect, it } from 'vitest';
import {
  NO_TRUSTED_PROXIES,
  normaliseAddress,
  parseTrustedProxies,
  resolveClientAddress,
} from './client-address.js';

const trusted = (text: string) => {
  const { proxies, invalid } = parseTrustedProxies(text);
  expect(invalid).toEqual([]);
  return proxies;
};

describe('resolveClientAddress', () => {
  it('takes the TCP peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', NO_TRUSTED_PROXIES)).toBe(
      '203.0.113.9',
    );
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', trusted('10.0.0.0/8'))).toBe(
      '203.0.113.9',
    );
  });

  it('behind a trusted proxy, takes the address that proxy appended, not what the client wrote', () => {
    // The client wrote "1.1.1.1, 2.2.2.2"; the proxy (10.0.0.2) appended the real peer.
    expect(
      resolveClientAddress('10.0.0.2', '1.1.1.1, 2.2.2.2, 198.51.100.7', trusted('10.0.0.0/8')),
    ).toBe('198.51.100.7');
  });

  it('walks through a chain of trusted proxies to the first untrusted hop', () => {
    expect(
      resolveClientAddress(
        '::ffff:127.0.0.1',
        '6.6.6.6, 198.51.100.7, 10.1.2.3, 10.0.0.2',
        trusted('loopback, private'),
      ),
    ).toBe('198.51.100.7');
  });

  it('stops at an entry that is not an address, keeping the last trusted hop', () => {
    expect(
      resolveClientAddress('127.0.0.1', 'not-an-ip, 10.0.0.2', trusted('loopback private')),
    ).toBe('10.0.0.2');
  });

  it('reads ports and brackets the way proxies write them', () => {
    const proxies = trusted('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', '198.51.100.7:5123', proxies)).toBe('198.51.100.7');
    expect(resolveClientAddress('127.0.0.1', '[2001:DB8::1]:443', proxies)).toBe('2001:db8::1');
  });

  it('has no address for an in-process request', () => {
    expect(resolveClientAddress(undefined, '1.2.3.4', trusted('loopback'))).toBeUndefined();
  });
});

describe('parseTrustedProxies', () => {
  it('accepts addresses, CIDR ranges and the named ranges', () => {
    const proxies = trusted('192.0.2.10 2001:db8::/32, loopback');
    expect(['192.0.2.10', '2001:db8:1::5', '127.8.9.10', '::1'].map(proxies.trusts)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['192.0.2.11', '10.0.0.1', '2001:db9::1'].map(proxies.trusts)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('names what is not an address or range', () => {
    expect(
      parseTrustedProxies('10.0.0.0/33, example.com, 1.2.3.4/8/9, 10.0.0.0/x, *').invalid,
    ).toEqual(['10.0.0.0/33', 'example.com', '1.2.3.4/8/9', '10.0.0.0/x', '*']);
  });
});

describe('normaliseAddress', () => {
  it('unwraps IPv4-mapped IPv6 and lower-cases IPv6', () => {
    expect(normaliseAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(normaliseAddress('2001:DB8::1')).toBe('2001:db8::1');
  });
});
