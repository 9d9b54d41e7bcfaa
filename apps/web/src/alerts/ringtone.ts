/**
 * The incoming-call ringtone, synthesised with the Web Audio API: no audio file to host, and
 * nothing for the CSP to allow. Browsers only let a page make sound after a user gesture, so
 * `primeAudio()` runs in the Connect click; a ringtone started later then plays even while the
 * tab is in the background (TCCC's FAQ names "no ringing in a background tab").
 */

let context: AudioContext | undefined;

/** Creates (or resumes) the audio context; call it from a click or key press. */
export function primeAudio(): void {
  if (typeof AudioContext !== 'function') return;
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume().catch(() => {});
}

/** Two short bursts of a 440 + 480 Hz chord every 3 s, until the returned stop() is called. */
export function startRingtone(): { stop(): void; audible: boolean } {
  const audio = context;
  if (audio?.state !== 'running') return { stop() {}, audible: false };
  const output = audio.createGain();
  output.gain.value = 0.15;
  output.connect(audio.destination);
  const ring = () => {
    const start = audio.currentTime + 0.05;
    for (const offset of [0, 0.5]) {
      const gate = audio.createGain();
      gate.gain.setValueAtTime(0, start + offset);
      gate.gain.linearRampToValueAtTime(1, start + offset + 0.02);
      gate.gain.setValueAtTime(1, start + offset + 0.38);
      gate.gain.linearRampToValueAtTime(0, start + offset + 0.4);
      gate.connect(output);
      for (const frequency of [440, 480]) {
        const tone = audio.createOscillator();
        tone.frequency.value = frequency;
        tone.connect(gate);
        tone.start(start + offset);
        tone.stop(start + offset + 0.42);
      }
    }
  };
  ring();
  const timer = setInterval(ring, 3000);
  return {
    audible: true,
    stop() {
      clearInterval(timer);
      output.disconnect();
    },
  };
}
