import { eventName } from '../../utils/format.js';

/**
 * What an organisation event changed, for the timeline: its label and facts ({label, value} or {label, from, to}).
 * `i18n` gives vue-i18n's t and te; `unitName(id)` the name of a unit when known (else its id).
 */
export function describeOrganisationEvent(entry, { t, te }, unitName = (id) => id) {
  const type = eventName(entry.type);
  const data = entry.data || {};
  const label = te(`org.events.${type}`) ? t(`org.events.${type}`) : type;
  const facts = [];
  switch (type) {
    case 'OrganisationUnitEstablished':
      facts.push({ label: t('org.name'), value: data.name });
      facts.push({ label: t('org.kind'), value: t(`org.kinds.${data.kind}`) });
      if (data.massOrganisationType) {
        facts.push({ label: t('org.massType'), value: t(`org.massTypes.${data.massOrganisationType}`) });
      }
      facts.push({ label: t('org.parent'), value: data.parentId ? unitName(data.parentId) : t('org.topLevel') });
      break;
    case 'OrganisationUnitRenamed':
      facts.push({ label: t('org.name'), from: data.previousName, to: data.name });
      break;
    case 'OrganisationUnitDissolved':
      facts.push({ label: t('org.status'), value: t('org.statusChange') });
      break;
    case 'OrganisationUnitSubordinateAttached':
      facts.push({ label: t('org.subordinates'), value: unitName(data.subordinateId) });
      if (data.subordinateKind) {
        facts.push({ label: t('org.kind'), value: t(`org.kinds.${data.subordinateKind}`) });
      }
      break;
    case 'OrganisationUnitSubordinateDetached':
      facts.push({ label: t('org.subordinates'), value: unitName(data.subordinateId) });
      break;
    default:
      Object.entries(data).filter(([name]) => name !== 'reason' && name !== 'unitId')
        .forEach(([name, value]) => facts.push({ label: name, value: typeof value === 'string' ? value : JSON.stringify(value) }));
  }
  return { label, facts };
}
