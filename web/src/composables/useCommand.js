import { ref } from 'vue';
import { ApiProblem, request } from '../api/http.js';
import { CommandKeys } from './commandKeys.js';

const keys = new CommandKeys();

/**
 * One form's command: `send(path, body)` posts it with an Idempotency-Key (kept for a resend of the same request
 * after an indefinite answer), refuses a second click while it is on its way, and keeps the refusal in `problem`
 * (an ApiProblem) with `retrySafe` telling the user that sending again is safe. Resolves to the answer, or null
 * when refused.
 */
export function useCommand(form) {
  const busy = ref(false);
  const problem = ref(null);
  const retrySafe = ref(false);

  async function send(path, body) {
    if (busy.value) {
      return null;
    }
    busy.value = true;
    problem.value = null;
    retrySafe.value = false;
    const key = keys.keyFor(form, `${path} ${JSON.stringify(body)}`);
    try {
      const answer = await request('POST', path, { body, idempotencyKey: key });
      keys.settled(form);
      return answer;
    } catch (e) {
      const refusal = e instanceof ApiProblem ? e : new ApiProblem(0, {}, String(e?.message || e));
      if (refusal.definite) {
        keys.settled(form);
      }
      problem.value = refusal;
      retrySafe.value = !refusal.definite;
      return null;
    } finally {
      busy.value = false;
    }
  }

  /**
   * Clears the refusal shown (a form opened again). The key stays: sending the same request after an indefinite
   * answer must still reuse it, however often the form was closed and opened in between.
   */
  function reset() {
    problem.value = null;
    retrySafe.value = false;
  }

  return { busy, problem, retrySafe, send, reset };
}
