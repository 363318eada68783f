import { computed, ref } from 'vue';
import { useCommand } from '../../composables/useCommand.js';
import { commands, getVerification } from './api.js';

/**
 * 核验 (auditors): `run(body)` posts a verification — {} for everything, {service, aggregateId} for one stream — with its
 * Idempotency-Key, then reads what it checked and found once the service has recorded it (minSequence). `result` is
 * that record; a refusal of the command is in `problem` (with `retrySafe`), a failed read in `readProblem`.
 */
export function useVerification(form) {
  const command = useCommand(form);
  const result = ref(null);
  const readProblem = ref(null);
  const reading = ref(false);

  async function run(body) {
    if (command.busy.value || reading.value) {
      return null;
    }
    result.value = null;
    readProblem.value = null;
    const answer = await command.send(commands.verify(), body);
    if (!answer) {
      return null;
    }
    reading.value = true;
    try {
      result.value = await getVerification(answer.id, answer.sequence);
    } catch (e) {
      readProblem.value = e;
    } finally {
      reading.value = false;
    }
    return result.value;
  }

  return { busy: computed(() => command.busy.value || reading.value), problem: command.problem, retrySafe: command.retrySafe,
    readProblem, result, run };
}
