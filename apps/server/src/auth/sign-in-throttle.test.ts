import { describe, expect, it } from 'vitest';
import {
  clientKey,
  createLocalSignInThrottle,
  DEFAULT_SIGN_IN_LIMITS,
  type SignInOutcome,
  type SignInThrottle,
} from './sign-in-throttle.js';

const OWNER = 'agent@example.com';

/** One sign-in through the throttle: 'refused' (429), or how the password check ended. */
async function attempt(
  throttle: SignInThrottle,
  email: string,
  address: string,
  outcome: SignInOutcome,
): Promise<SignInOutcome | 'refused'> {
  const started = await throttle.begin(email, address);
  if (!started.ok) return 'refused';
  await started.settle(outcome);
  return outcome;
}

function throttleAt() {
  let time = Date.UTC(2026, 0, 1);
  const throttle = createLocalSignInThrottle(DEFAULT_SIGN_IN_LIMITS, () => time);
  return { throttle, advance: (ms: number) => (time += ms) };
}

describe('sign-in throttle', () => {
  it("does not lock the owner out for a stranger's failures from another address", async () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 200; i++) await attempt(throttle, OWNER, '203.0.113.66', 'failed');
    expect(await attempt(throttle, OWNER, '203.0.113.66', 'succeeded')).toBe('refused');
    expect(await attempt(throttle, OWNER, '198.51.100.7', 'succeeded')).toBe('succeeded');
  });

  it('slows spraying many emails from one address, not other addresses', async () => {
    const { throttle } = throttleAt();
    const results = [];
    for (let i = 0; i < 300; i++) {
      results.push(await attempt(throttle, `user${i}@example.com`, '203.0.113.66', 'failed'));
    }
    expect(results.filter((r) => r === 'failed')).toHaveLength(30);
    expect(results.slice(30).every((r) => r === 'refused')).toBe(true);
    expect(await attempt(throttle, 'user1@example.com', '198.51.100.7', 'failed')).toBe('failed');
  });

  it('slows guessing one account from many addresses, but lets the owner in from a known address', async () => {
    const { throttle } = throttleAt();
    expect(await attempt(throttle, OWNER, '198.51.100.7', 'succeeded')).toBe('succeeded');
    // A botnet: 25 addresses, 4 guesses each = 100 failures, within every per-address limit.
    for (let bot = 0; bot < 25; bot++) {
      for (let i = 0; i < 4; i++) {
        expect(await attempt(throttle, OWNER, `192.0.2.${bot}`, 'failed')).toBe('failed');
      }
    }
    expect(await attempt(throttle, OWNER, '192.0.2.200', 'failed')).toBe('refused');
    // The owner's usual address still works, and so do other accounts.
    expect(await attempt(throttle, OWNER, '198.51.100.7', 'succeeded')).toBe('succeeded');
    expect(await attempt(throttle, 'agent2@example.com', '192.0.2.200', 'failed')).toBe('failed');
  });

  it('lets no more parallel guesses through than the limit', async () => {
    const { throttle } = throttleAt();
    const started = await Promise.all(
      Array.from({ length: 50 }, () => throttle.begin(OWNER, '203.0.113.66')),
    );
    expect(started.filter((s) => s.ok)).toHaveLength(10);
  });

  it('does not count an attempt whose password check broke', async () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 50; i++) {
      expect(await attempt(throttle, OWNER, '203.0.113.66', 'error')).toBe('error');
    }
  });

  it('treats one IPv6 /64 as one client', async () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 10; i++) {
      expect(await attempt(throttle, OWNER, `2001:db8:1:2::${i.toString(16)}`, 'failed')).toBe(
        'failed',
      );
    }
    expect(await attempt(throttle, OWNER, '2001:db8:1:2:ffff::1', 'failed')).toBe('refused');
    expect(await attempt(throttle, OWNER, '2001:db8:1:3::1', 'failed')).toBe('failed');
  });

  it('earns attempts back with time', async () => {
    const { throttle, advance } = throttleAt();
    for (let i = 0; i < 10; i++) await attempt(throttle, OWNER, '203.0.113.66', 'failed');
    expect(await attempt(throttle, OWNER, '203.0.113.66', 'succeeded')).toBe('refused');
    advance(90_000);
    expect(await attempt(throttle, OWNER, '203.0.113.66', 'succeeded')).toBe('succeeded');
  });

  it('spends the same time per sign-in with 100 000 distinct emails and addresses as with 1 000', async () => {
    /** CPU µs per failed sign-in of a new email from a new address, with `live` of each held. */
    const costPerAttempt = async (live: number, attempts: number): Promise<number> => {
      const { throttle } = throttleAt();
      const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      for (let i = 0; i < live; i++)
        await attempt(throttle, `live${i}@x.example`, address(i), 'failed');
      const started = process.cpuUsage();
      for (let i = 0; i < attempts; i++) {
        await attempt(throttle, `new${i}@x.example`, address(live + i), 'failed');
      }
      const { user, system } = process.cpuUsage(started);
      return (user + system) / attempts;
    };
    await costPerAttempt(1_000, 5_000); // warm-up
    const runs = [];
    for (let i = 0; i < 3; i++) {
      runs.push({
        few: await costPerAttempt(1_000, 10_000),
        many: await costPerAttempt(100_000, 10_000),
      });
    }
    const few = Math.min(...runs.map((run) => run.few));
    const many = Math.min(...runs.map((run) => run.many));
    console.log(
      `sign-in throttle: ${few.toFixed(2)} µs/attempt at 1 000 emails and addresses, ${many.toFixed(2)} µs at 100 000 (ratio ${(many / few).toFixed(2)})`,
    );
    expect(many / few).toBeLessThan(4);
  }, 120_000);
});

describe('clientKey', () => {
  it('keys IPv4 by address and IPv6 by /64', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});
