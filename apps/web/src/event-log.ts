/** The live log of every SDK event, newest last, capped so a long shift does not leak memory. */
import { formatPayload, formatTime } from './format.js';

export class EventLog {
  constructor(
    private readonly list: HTMLOListElement,
    private readonly limit = 200,
    private readonly now: () => Date = () => new Date(),
  ) {}

  append(name: string, payload: unknown): void {
    const item = this.list.ownerDocument.createElement('li');
    item.dataset.event = name;
    const time = this.list.ownerDocument.createElement('time');
    const at = this.now();
    time.dateTime = at.toISOString();
    time.textContent = formatTime(at);
    const label = this.list.ownerDocument.createElement('strong');
    label.textContent = name;
    item.append(time, ' ', label);
    const details = formatPayload(payload);
    if (details !== '') {
      const code = this.list.ownerDocument.createElement('code');
      code.textContent = details;
      item.append(' ', code);
    }
    this.list.append(item);
    while (this.list.childElementCount > this.limit) this.list.firstElementChild?.remove();
    this.list.scrollTop = this.list.scrollHeight;
  }

  clear(): void {
    this.list.replaceChildren();
  }
}
