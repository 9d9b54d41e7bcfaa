/**
 * The DTMF keypad: each key sends its tone into the call (`Call.sendDigits`), for IVRs the
 * customer's side runs (an extension, a PIN). Typing digits while a key has focus works too.
 */
import type { Tccc } from '@tccc-kit/web-loader';
import { type KeyboardEvent, useState } from 'react';
import { runSdkAction } from '../sdk-actions.js';
import { useNotify } from './Toasts.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

export function Keypad(props: { tccc: Tccc; sessionId: string }) {
  const notify = useNotify();
  const [sent, setSent] = useState('');

  const send = async (key: string) => {
    const outcome = await runSdkAction(`send ${key}`, () =>
      props.tccc.Call.sendDigits({ sessionId: props.sessionId, dtmfText: key }),
    );
    if (outcome.ok) setSent((digits) => `${digits}${key}`.slice(-24));
    else notify({ title: 'Tone not sent', description: outcome.message, tone: 'error' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((KEYS as readonly string[]).includes(event.key) && !event.repeat) {
      event.preventDefault();
      void send(event.key);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys typed while a key button has focus
    <div id="keypad" className="keypad" onKeyDown={onKeyDown} data-testid="keypad">
      <fieldset className="keypad-keys">
        <legend className="visually-hidden">Keypad: send tones</legend>
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            onClick={() => void send(key)}
            aria-label={`Send ${key === '*' ? 'star' : key === '#' ? 'hash' : key}`}
          >
            {key}
          </button>
        ))}
      </fieldset>
      <p className="keypad-sent">
        Sent:{' '}
        <output data-testid="dtmf-sent" aria-live="polite">
          {sent || 'nothing yet'}
        </output>
      </p>
    </div>
  );
}
