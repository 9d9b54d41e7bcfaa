import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, ORIGIN } from '../../test/runtime-harness.js';
import { MAX_RECORDING_SECONDS, silentWav } from './records.js';

let h: Harness;
afterEach(() => h.close());

describe('recordings', () => {
  it('serves each RecordURL of a CDR as a WAV of silence as long as its conversation', async () => {
    h = harness();
    const page = h.login();
    const { sessionId } = h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000001' });
    h.advance(1_000);
    h.advance(3_000);
    h.mock.sdk.act(page.session, sessionId, 'hangup');
    const cdr = h.cdr(sessionId);
    for (const url of [cdr.RecordURL, cdr.ServeParticipants?.[0]?.RecordURL]) {
      expect(url?.startsWith(`${ORIGIN}/sdk/records/`)).toBe(true);
      const response = await h.mock.fetch(new Request(url as string));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('audio/wav');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('RIFF');
      expect(bytes.length).toBe(44 + 3 * 8_000);
    }
  });

  it('answers 404 for a recording it does not hold', async () => {
    h = harness();
    for (const path of ['/sdk/records/1400000000/nope/x.wav', '/sdk/records/x/y/z.mp3']) {
      const response = await h.mock.fetch(new Request(`${ORIGIN}${path}`));
      expect(response.status).toBe(404);
      expect((await response.json()).error.message).toContain('No such recording');
    }
  });

  it('caps a WAV at the longest recording served', () => {
    expect(silentWav(3_600).length).toBe(44 + MAX_RECORDING_SECONDS * 8_000);
  });
});
