import { newIdempotencyKey } from '../api/http.js';

/**
 * The idempotency keys of a screen's commands. A command keeps its key while the user sends the very same thing
 * again after an answer that was not definite (network failure, timeout, 5xx), so that it is applied once however
 * often it is sent; a definite answer (success or 4xx) or a changed request starts a new key.
 */
export class CommandKeys {
  constructor(generate = newIdempotencyKey) {
    this.generate = generate;
    this.pending = new Map();
  }

  /** The key for sending `fingerprint` (the request's path and body) from `form`. */
  keyFor(form, fingerprint) {
    const pending = this.pending.get(form);
    if (pending && pending.fingerprint === fingerprint) {
      return pending.key;
    }
    const key = this.generate();
    this.pending.set(form, { fingerprint, key });
    return key;
  }

  /** The command got a definite answer: its key is used up. */
  settled(form) {
    this.pending.delete(form);
  }
}
