import { ref } from 'vue';
import { getUnit } from './api.js';

// The signed-in user's own unit (the token's `org` claim names an organisation unit), read once per page load and
// shared by the header and the home page.
const cache = new Map();

/** {unit, problem} refs for the unit `id` (null refs when there is none). */
export function useOwnUnit(id) {
  const unit = ref(null);
  const problem = ref(null);
  if (id) {
    if (!cache.has(id)) {
      cache.set(id, getUnit(id));
    }
    cache.get(id).then((answer) => { unit.value = answer; }, (e) => {
      cache.delete(id); // tried again next time
      problem.value = e;
    });
  }
  return { unit, problem };
}
