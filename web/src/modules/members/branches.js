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

/** Active branches whose name holds `q` (at most 50), for a branch picker that searches on the server. */
export async function findBranches(q) {
  const page = await listUnits({ kind: 'BRANCH', status: 'ACTIVE', q: q?.trim() || undefined, size: 50 });
  page.items.forEach((unit) => names.set(unit.id, unit.name));
  return page.items.map(({ id, name }) => ({ id, name }));
}
