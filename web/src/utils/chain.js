/** The hash of "no event before": the first event of a stream links to 64 zeros (docs/event-store.md). */
export const GENESIS = '0'.repeat(64);

/**
 * For each entry of a timeline (oldest first, from the stream's first event or a later page): whether its
 * previous hash is the hash of the entry before it (or the genesis hash for sequence 0), and that entry's sequence
 * (null when it is not on the page).
 */
export function chainLinks(entries) {
  return entries.map((entry, index) => {
    const before = index > 0 ? entries[index - 1] : null;
    if (before) {
      return { linked: entry.prevHash === before.hash, previous: before.sequence, genesis: false };
    }
    const genesis = entry.sequence === 0;
    return { linked: genesis ? entry.prevHash === GENESIS : true, previous: null, genesis };
  });
}
