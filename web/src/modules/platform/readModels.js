import { readModels } from '../../api/platform.js';

/**
 * Every service's read models as rows: {service, apiBase, name, kind, topics, lag, parked, rebuild}; a service
 * that cannot answer gives one row with its problem instead.
 */
export async function readModelRows(services) {
  const answers = await Promise.all(services.map(async (service) => {
    try {
      const models = await readModels(service.apiBase);
      return Object.entries(models || {}).map(([name, model]) => ({ service: service.name, serviceTitleKey: service.titleKey,
        apiBase: service.apiBase, name, ...model }));
    } catch (problem) {
      return [{ service: service.name, serviceTitleKey: service.titleKey, apiBase: service.apiBase, problem }];
    }
  }));
  return answers.flat();
}

/** Whether any row is being rebuilt (the screen then asks again every second). */
export function anyRebuilding(rows) {
  return rows.some((row) => row.rebuild?.state === 'RUNNING');
}

/** The due items for operators: parked aggregates, rebuilds under way, and consumers behind. */
export function dueItems(rows, lagThreshold = 100) {
  return rows.flatMap((row) => {
    if (row.problem) {
      return [{ kind: 'unavailable', row }];
    }
    const items = [];
    if (row.parked > 0) {
      items.push({ kind: 'parked', row });
    }
    if (row.rebuild?.state === 'RUNNING') {
      items.push({ kind: 'rebuilding', row });
    } else if (row.lag > lagThreshold) {
      items.push({ kind: 'lagging', row });
    }
    return items;
  });
}
