import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';

/**
 * A discipline record's page: the record of the address's id, read with the address's `minSequence` (a step just
 * taken) so that the page shows the step; an answer for an id the user has left is dropped. `done(answer, text)` shows
 * what was done and reads the record and its timeline again at the sequence the command answered. Each read of the
 * record is logged by the service (查阅留痕). `load()` reads the record again (a step on something else it shows).
 */
export function useRecordPage(get, routeName) {
  const route = useRoute();
  const router = useRouter();
  const id = computed(() => route.params.id);
  const minSequence = computed(() => (route.query.minSequence !== undefined ? Number(route.query.minSequence) : null));
  const record = ref(null);
  const problem = ref(null);
  const status = ref('');
  let latest = 0;

  async function load() {
    const mine = ++latest;
    try {
      const answer = await get(id.value, minSequence.value ?? undefined);
      if (mine === latest) {
        record.value = answer;
        problem.value = null;
      }
    } catch (e) {
      if (mine === latest) {
        record.value = null;
        problem.value = e;
      }
    }
  }
  watch(id, () => { record.value = null; status.value = ''; });
  watch([id, minSequence], load, { immediate: true });

  function done(answer, text) {
    status.value = text;
    router.replace({ name: routeName, params: { id: id.value }, query: { minSequence: answer.sequence } });
  }

  return { id, minSequence, record, problem, status, done, load };
}
