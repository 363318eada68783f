import { ref } from 'vue';

/**
 * A read whose latest call wins: an answer to an earlier call that arrives after a later one is dropped, so a screen
 * never shows the data of a unit, member or filter the user has left. `read` is called with no arguments.
 *
 * @param keepOnError keep the data shown when a read fails (a list being refiltered); else clear it (a record's card)
 * @returns {{ data, problem, load }} refs, and load() to read again
 */
export function useLatestRead(read, { keepOnError = false } = {}) {
  const data = ref(null);
  const problem = ref(null);
  let latest = 0;
  async function load() {
    const mine = ++latest;
    try {
      const answer = await read();
      if (mine === latest) {
        data.value = answer;
        problem.value = null;
      }
    } catch (e) {
      if (mine === latest) {
        if (!keepOnError) {
          data.value = null;
        }
        problem.value = e;
      }
    }
  }
  return { data, problem, load };
}
