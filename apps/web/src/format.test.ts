import { describe, expect, it } from 'vitest';
import {
  formatAgentStatus,
  formatDuration,
  formatPayload,
  formatTime,
  normalizePhoneNumber,
  phoneNumberProblem,
  spokenDuration,
} from './format.js';

describe('formatTime', () => {
  it('pads hours, minutes and seconds', () => {
    expect(formatTime(new Date(2026, 0, 2, 3, 4, 5))).toBe('03:04:05');
  });
});

describe('formatPayload', () => {
  it('renders JSON on one line and nothing for no payload', () => {
    expect(formatPayload({ sessionId: 's1', closeBy: 'client' })).toBe(
      '{"sessionId":"s1","closeBy":"client"}',
    );
    expect(formatPayload(undefined)).toBe('');
  });

  it('caps long payloads with an ellipsis', () => {
    const text = formatPayload({ remark: 'x'.repeat(1000) }, 50);
    expect(text).toHaveLength(50);
    expect(text.endsWith('…')).toBe(true);
  });

  it('survives payloads JSON cannot encode', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatPayload(cyclic)).toBe('[object Object]');
    expect(formatPayload(10n)).toBe('10');
  });
});

describe('formatAgentStatus', () => {
  it('labels known statuses and shows unknown ones verbatim', () => {
    expect(formatAgentStatus('rest')).toBe('On a break');
    expect(formatAgentStatus('notReady')).toBe('Not ready');
    expect(formatAgentStatus('somethingNew')).toBe('somethingNew');
    expect(formatAgentStatus(null)).toBe('Unknown');
  });
});

describe('phoneNumberProblem', () => {
  it('accepts national and E.164 numbers with spaces and dashes', () => {
    for (const number of ['13800000000', '+86 138-0000-0000', ' 911 ']) {
      expect(phoneNumberProblem(number)).toBeNull();
    }
  });

  it('says what to fix', () => {
    expect(phoneNumberProblem('  ')).toBe('Type a phone number to call.');
    expect(phoneNumberProblem('call me')).toMatch(/digits only/);
    expect(phoneNumberProblem('12')).toMatch(/between 3 and 20 digits/);
    expect(phoneNumberProblem('1'.repeat(21))).toMatch(/between 3 and 20 digits/);
  });

  it('normalizes to digits and a leading plus', () => {
    expect(normalizePhoneNumber(' +86 138-0000 ')).toBe('+861380000');
  });
});

describe('formatDuration', () => {
  it('reads as a timer, hours only when needed', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(754.9)).toBe('12:34');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-3)).toBe('0:00');
  });

  it('has a spoken form for screen readers', () => {
    expect(spokenDuration(62)).toBe('1 minute 2 seconds');
    expect(spokenDuration(0)).toBe('0 seconds');
    expect(spokenDuration(3600)).toBe('1 hour');
  });
});
