import { reactive } from 'vue';
import { getUnit, listUnits } from '../organisation/api.js';

// The names of party branches (党支部) by id, for the members screens: each id read once per page load, on demand,
// so a list of members shows its branches' names however many branches there are.
const names = reactive(new Map());
const asked = new Set();

/** The branch's name, or its id until the name has come (then the screen shows the name). */
export function branchName(id) {
  if (!id) {
    return '';
  }
  if (!names.has(id) && !asked.has(id)) {
    asked.add(id);
    getUnit(id).then((unit) => names.set(id, unit.name), () => asked.delete(id));
  }
  return names.get(id) || id;
}

/**
 * Active units of `kinds` (none: any kind) whose name holds `q`, at most 50 of each kind: {id, name, kind}, for a
 * picker that searches on the server (a branch picker: kinds ['BRANCH']). The service filters by one kind at a time,
 * so several kinds are asked for side by side.
 */
export async function findUnits(q, kinds = []) {
  const ask = (kind) => listUnits({ kind, status: 'ACTIVE', q: q?.trim() || undefined, size: 50 });
  const pages = await Promise.all(kinds.length ? kinds.map(ask) : [ask(undefined)]);
  const found = pages.flatMap((page) => page.items);
  found.forEach((unit) => names.set(unit.id, unit.name));
  return found.map(({ id, name, kind }) => ({ id, name, kind }));
}
