import { describe, expect, it } from 'vitest';
import { createCallerDirectory, DEMO_CALLERS, phoneKey } from './callers.js';

describe('phoneKey', () => {
  it('reduces the forms TCCC uses for one number to the same key', () => {
    for (const form of ['008613900139000', '+86 139 0013 9000', '13900139000', '139-0013-9000']) {
      expect(phoneKey(form)).toBe('13900139000');
    }
  });

  it('matches a landline with its trunk 0 to its international form', () => {
    expect(phoneKey('075586013388')).toBe('75586013388');
    expect(phoneKey('0086075586013388')).toBe('75586013388');
    expect(phoneKey('+86 755 8601 3388')).toBe('75586013388');
  });

  it('keeps other countries apart from China', () => {
    expect(phoneKey('+44 20 7946 0000')).toBe('442079460000');
  });
});

describe('the demo caller directory', () => {
  const lookup = createCallerDirectory(DEMO_CALLERS);

  it('finds a demo customer by any form of their number', async () => {
    expect(await lookup('008613900139000')).toMatchObject({ name: 'Li Na', tier: 'Gold' });
  });

  it('knows nobody at an unknown number', async () => {
    expect(await lookup('13100000000')).toBeUndefined();
  });
});
