import { describe, expect, it } from 'vitest';
import { describeEndStatus, END_STATUSES } from './end-status.js';

describe('describeEndStatus', () => {
  it('knows every status of the reference table, each with its own words', () => {
    // tccc-reference.md §6.3: ok, clientError, 8 inbound, 23 outbound (108-111 included), 3 VoIP.
    expect(END_STATUSES).toHaveLength(36);
    expect(new Set(END_STATUSES.map((s) => s.text)).size).toBe(36);
    expect(new Set(END_STATUSES.map((s) => s.code)).size).toBe(36);
    expect(END_STATUSES.filter((s) => s.answered).map((s) => s.name)).toEqual(['ok']);
  });

  it.each([
    ['ok', 1, 'Answered'],
    ['busy', undefined, 'Busy'],
    [undefined, 104, 'Caller hung up while ringing'],
    ['notAnswer', 202, 'No answer'],
    ['seatGiveUp', 17, 'Not answered by the agent'],
  ])('describes %s / %s as "%s"', (name, code, text) => {
    expect(describeEndStatus(name, code)?.text).toBe(text);
  });

  it('prefers the name when name and number disagree', () => {
    expect(describeEndStatus('busy', 1)).toMatchObject({ name: 'busy', code: 206 });
  });

  it('describes AI agent codes and unknown ones by what it has, and nothing by undefined', () => {
    expect(describeEndStatus(undefined, 226)?.text).toBe('Ended in the AI agent call (226)');
    expect(describeEndStatus('brandNew', 999)).toEqual({
      name: 'brandNew',
      code: 999,
      text: 'Ended (brandNew, 999)',
      answered: false,
    });
    expect(describeEndStatus(null, null)).toBeUndefined();
  });
});
