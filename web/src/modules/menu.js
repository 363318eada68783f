/**
 * The side menu for a user: each module's groups with only the items the user's roles may use; a group left
 * without items is left out. An item without `roles` is for every signed-in user.
 */
export function menuFor(modules, roles) {
  const allowed = (item) => !item.roles || item.roles.some((r) => roles.includes(r));
  return modules.flatMap((module) => module.menu || [])
    .map((group) => ({ ...group, items: (group.items || []).filter(allowed) }))
    .filter((group) => group.items.length > 0)
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** Whether a route may be shown to a user: its `meta.roles` (absent: any signed-in user). */
export function mayOpen(route, roles) {
  const needed = route.meta?.roles;
  return !needed || needed.some((r) => roles.includes(r));
}

/** Each module's home-page panels that a user's roles may see, in order. */
export function homePanelsFor(modules, roles) {
  return modules.flatMap((module) => module.homePanels || [])
    .filter((panel) => !panel.roles || panel.roles.some((r) => roles.includes(r)))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}
