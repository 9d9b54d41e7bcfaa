/**
 * Recordings, as the CDR's RecordURL and each ServeParticipant's RecordURL name them:
 * `GET /sdk/records/<SdkAppId>/<SessionId>/<RecordId>.wav` answers a WAV file of silence as
 * long as the recording's conversation (at most {@link MAX_RECORDING_SECONDS}), so an
 * integrator that downloads recordings has a real file to fetch. Unknown → 404.
 */
import type { MockStore } from '../state/store.js';
import type { TelCdrInfo } from '../state/tencent-types.js';
import { SdkError } from './errors.js';

/** Longest recording served, in seconds (8 kHz 8-bit mono: 8 KB a second). */
export const MAX_RECORDING_SECONDS = 60;
const SAMPLE_RATE = 8_000;

/** Seconds of conversation the recording `recordId` of this CDR holds, or undefined. */
function recordedSeconds(cdr: TelCdrInfo, recordId: string): number | undefined {
  if (cdr.RecordId === recordId) return cdr.Duration ?? 0;
  const leg = cdr.ServeParticipants?.find((participant) => participant.RecordId === recordId);
  if (!leg) return undefined;
  return Math.max(0, (leg.EndedTimestamp ?? 0) - (leg.AcceptTimestamp ?? 0));
}

/** A PCM WAV file (8 kHz, 8-bit unsigned, mono) of `seconds` of silence. */
export function silentWav(seconds: number): Uint8Array {
  const samples = Math.round(Math.min(seconds, MAX_RECORDING_SECONDS) * SAMPLE_RATE);
  const file = new Uint8Array(44 + samples);
  const view = new DataView(file.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) file[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE, true); // byte rate
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  file.fill(128, 44); // silence in 8-bit unsigned PCM
  return file;
}

/** The WAV of a recording, or a 404 SdkError. */
export function recording(
  store: MockStore,
  sdkAppId: string,
  sessionId: string,
  file: string,
): Uint8Array {
  const match = /^(.+)\.wav$/.exec(file);
  const app = /^\d{1,15}$/.test(sdkAppId) ? Number(sdkAppId) : Number.NaN;
  const cdr = match && Number.isSafeInteger(app) ? store.cdrs.get(app, sessionId) : undefined;
  const seconds = cdr && match?.[1] ? recordedSeconds(cdr, match[1]) : undefined;
  if (seconds === undefined) {
    throw new SdkError(
      404,
      'BadRequest',
      'No such recording: use a RecordURL from a CDR the mock holds (a reset forgets them).',
    );
  }
  return silentWav(seconds);
}
