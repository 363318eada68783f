// The data sharing screens' rules (数据共享: other departments' subscriptions to the platform's events), mirrored from
// the subscriptions service (which decides): who may take which step on a subscription in each state (committee staff
// only; auditors read), each step's form (what it starts from, its checks, the body sent), the catalogue's event types
// grouped by service and the personal data kinds by title, the states' tags and what each event of a subscription's
// timeline says.
import { eventName } from '../../utils/format.js';

export const STAFF = 'COMMITTEE_STAFF';
/** Who may see the data sharing screens: committee staff (every step and read) and auditors (every read). */
export const READERS = [STAFF, 'AUDITOR'];

export const STATES = ['REQUESTED', 'GRANTED', 'REFUSED', 'REVOKED'];
export const CHANNELS = ['SSE', 'WEBHOOK', 'KAFKA'];
export const DELIVERY_STATES = ['DELIVERED', 'RETRYING', 'DEAD_LETTER'];
export const PERSONAL_DATA_KINDS = ['NAME', 'GENDER', 'BIRTH_DATE', 'ID_CARD_NUMBER', 'PHONE', 'ADDRESS', 'LOGIN_NAME'];
export const ACTIONS = ['grant', 'refuse', 'changeGrant', 'revoke'];
/** A reason (grant, refusal, change, revocation) is at most this long. */
export const REASON_MAX = 500;

/** Whether the user decides the departments' requests (committee staff; auditors read). */
export function mayDecide(roles) {
  return (roles || []).includes(STAFF);
}

/**
 * The steps on a subscription: a request is granted (授权), refused (拒绝) or revoked (撤销); a grant is changed (变更授权)
 * or revoked. A refused or revoked subscription takes none.
 */
export function subscriptionActions(subscription, roles) {
  if (!subscription || !mayDecide(roles)) {
    return [];
  }
  switch (subscription.state) {
    case 'REQUESTED': return ['grant', 'refuse', 'revoke'];
    case 'GRANTED': return ['changeGrant', 'revoke'];
    default: return [];
  }
}

/** Whether the user may deliver a delivery again: committee staff, a dead letter only. */
export function mayRedeliver(delivery, roles) {
  return !!delivery && mayDecide(roles) && delivery.state === 'DEAD_LETTER';
}

/** Whether a step's form chooses event types and personal data (a grant, a change of grant), or asks a reason only. */
export function choosesTypes(action) {
  return action === 'grant' || action === 'changeGrant';
}

const catalogueTypes = (catalogue) => new Map((catalogue?.eventTypes || []).map((entry) => [entry.type, entry]));

/** Whether an event type may be granted: the catalogue says so (restricted types, discipline cases, never are). */
export function grantable(type, catalogue) {
  const entry = catalogueTypes(catalogue).get(type);
  return !!entry && entry.grantable !== false;
}

/**
 * A step's form as it opens: a grant starts from what was requested (its grantable event types and its personal data;
 * staff untick what they will not grant), without the history; a change of grant from what is granted; a refusal and a
 * revocation ask a reason only.
 */
export function blankForm(action, subscription, catalogue = null) {
  const requested = subscription?.requested || {};
  switch (action) {
    case 'grant':
      return { eventTypes: (requested.eventTypes || []).filter((type) => grantable(type, catalogue)),
        personalData: [...(requested.personalData || [])], deliverHistory: false, reason: '' };
    case 'changeGrant': {
      const granted = subscription?.grant || {};
      return { eventTypes: [...(granted.eventTypes || [])], personalData: [...(granted.personalData || [])], reason: '' };
    }
    default:
      return { reason: '' };
  }
}

const length = (value) => [...(value ?? '').normalize('NFC')].length;
const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The message key for a field the service would refuse, or null: the reason required and at most 500 characters; at
 * least one event type, each of them requested and grantable; personal data among those requested; a change of grant
 * that changes something.
 */
export function fieldProblem(field, action, form, subscription, catalogue = null) {
  const requested = subscription?.requested || {};
  switch (field) {
    case 'reason': {
      const reason = (form.reason ?? '').trim();
      if (!reason) {
        return 'subscriptions.problems.reasonRequired';
      }
      return length(reason) > REASON_MAX ? 'subscriptions.problems.reasonTooLong' : null;
    }
    case 'eventTypes': {
      const types = form.eventTypes || [];
      if (!types.length) {
        return 'subscriptions.problems.noTypes';
      }
      if (types.some((type) => !(requested.eventTypes || []).includes(type))) {
        return 'subscriptions.problems.typeNotRequested';
      }
      if (catalogue && types.some((type) => !grantable(type, catalogue))) {
        return 'subscriptions.problems.typeRestricted';
      }
      if (action === 'changeGrant' && subscription?.grant && sameSet(types, subscription.grant.eventTypes || [])
        && sameSet(form.personalData || [], subscription.grant.personalData || [])) {
        return 'subscriptions.problems.unchanged';
      }
      return null;
    }
    case 'personalData':
      return (form.personalData || []).some((kind) => !(requested.personalData || []).includes(kind))
        ? 'subscriptions.problems.kindNotRequested' : null;
    default:
      return null;
  }
}

/** The fields a step's form checks, in order. */
export function fieldsOf(action) {
  return choosesTypes(action) ? ['eventTypes', 'personalData', 'reason'] : ['reason'];
}

/** The first problem of a whole form, or null. */
export function formProblem(action, form, subscription, catalogue = null) {
  for (const field of fieldsOf(action)) {
    const problem = fieldProblem(field, action, form, subscription, catalogue);
    if (problem) {
      return problem;
    }
  }
  return null;
}

/**
 * The body of a step as the service takes it: the event types and personal data in the order they were requested, the
 * reason trimmed; a grant says whether the history is delivered too.
 */
export function commandBody(action, form, subscription = null) {
  const reason = (form.reason ?? '').trim();
  if (!choosesTypes(action)) {
    return { reason };
  }
  const requested = subscription?.requested || {};
  const inOrder = (chosen, all) => [...(all || []).filter((x) => chosen.includes(x)), ...chosen.filter((x) => !(all || []).includes(x))];
  const body = {
    eventTypes: inOrder(form.eventTypes || [], requested.eventTypes),
    personalData: inOrder(form.personalData || [], requested.personalData),
  };
  if (action === 'grant') {
    body.deliverHistory = form.deliverHistory === true;
  }
  body.reason = reason;
  return body;
}

/** The service an event type belongs to by its name: org.dangjian.<service>.<Name>.vN. */
export function serviceOf(type) {
  const match = /^org\.dangjian\.([a-z0-9-]+)\./.exec(type || '');
  return match ? match[1] : '';
}

/** A service's title in the language, from the catalogue (its id when the catalogue does not name it). */
export function serviceTitle(service, catalogue, locale = 'zh-CN') {
  const entry = (catalogue?.eventTypes || []).find((e) => e.service === service);
  if (!entry) {
    return service;
  }
  return (locale === 'en' ? entry.serviceTitleEn : entry.serviceTitle) || entry.serviceTitle || service;
}

/**
 * Event types grouped by their service, in the catalogue's order of services (types it does not know at the end):
 * [{service, title, types: [{type, name, grantable, personalData}]}]. `grantable` is false for a restricted type and for
 * one the catalogue does not list.
 */
export function groupByService(types, catalogue, locale = 'zh-CN') {
  const known = catalogueTypes(catalogue);
  const order = [...new Set((catalogue?.eventTypes || []).map((e) => e.service))];
  const groups = new Map();
  (types || []).forEach((type) => {
    const entry = known.get(type);
    const service = entry?.service || serviceOf(type);
    if (!groups.has(service)) {
      groups.set(service, { service, title: serviceTitle(service, catalogue, locale), types: [] });
    }
    groups.get(service).types.push({ type, name: entry?.name || eventName(type), grantable: !!entry && entry.grantable !== false,
      personalData: (entry?.personalData || []).map((p) => p.kind) });
  });
  const rank = (service) => (order.includes(service) ? order.indexOf(service) : order.length);
  return [...groups.values()].sort((a, b) => rank(a.service) - rank(b.service));
}

/** A personal data kind's title in the language: the catalogue's, else the client's own text, else the kind. */
export function kindTitle(kind, catalogue, locale = 'zh-CN', t = null, te = null) {
  const entry = (catalogue?.personalDataKinds || []).find((k) => k.kind === kind);
  const title = entry && ((locale === 'en' ? entry.titleEn : entry.title) || entry.title);
  if (title) {
    return title;
  }
  return t && te && te(`subscriptions.kinds.${kind}`) ? t(`subscriptions.kinds.${kind}`) : kind;
}

/** Personal data kinds by their titles, joined. */
export function kindTitles(kinds, catalogue, locale = 'zh-CN', t = null, te = null) {
  return (kinds || []).map((kind) => kindTitle(kind, catalogue, locale, t, te)).join(locale === 'en' ? ', ' : '、');
}

/** Event types written short with their service's title: 党员 · MemberAdmitted. */
export function typeTitles(types, catalogue, locale = 'zh-CN') {
  return groupByService(types, catalogue, locale)
    .flatMap((group) => group.types.map((x) => `${group.title} · ${x.name}`)).join(locale === 'en' ? ', ' : '、');
}

/** What was requested and not granted (event types, personal data): shown beside a grant. */
export function notGranted(subscription) {
  const requested = subscription?.requested || {};
  const granted = subscription?.grant;
  if (!granted) {
    return { eventTypes: [], personalData: [] };
  }
  return { eventTypes: (requested.eventTypes || []).filter((x) => !(granted.eventTypes || []).includes(x)),
    personalData: (requested.personalData || []).filter((x) => !(granted.personalData || []).includes(x)) };
}

/** Who decided (a grant's or decision's `by`): an id, or {id, role} written with the role's title. */
export function actorText(by, t = (key) => key) {
  if (!by) {
    return '';
  }
  if (typeof by === 'string') {
    return by;
  }
  return [by.id, by.role ? t(`roles.${by.role}`) : null].filter(Boolean).join(' · ');
}

/** The tag colour of a subscription's state. */
export function stateType(state) {
  return { REQUESTED: 'warning', GRANTED: 'success', REFUSED: 'danger', REVOKED: 'info' }[state] || 'primary';
}

/** The tag colour of a delivery's state. */
export function deliveryStateType(state) {
  return { DELIVERED: 'success', RETRYING: 'warning', DEAD_LETTER: 'danger' }[state] || 'primary';
}

/** The list's query: the department as typed (trimmed), the state chosen ('' for all). */
export function subscriptionParams({ department = '', state = '', ...rest } = {}) {
  return { ...rest, state: state || undefined, department: (department ?? '').trim() || undefined };
}

/** The delivery log's query: the subscription id as typed (trimmed, lower case); dead letters ask for DEAD_LETTER only. */
export function deliveryParams({ subscriptionId = '', state = '', ...rest } = {}, deadLetters = false) {
  return { ...rest, subscriptionId: (subscriptionId ?? '').trim().toLowerCase() || undefined,
    state: deadLetters ? 'DEAD_LETTER' : (state || undefined) };
}

/** Whether a subscription id typed in a filter is a UUID (or nothing). */
export function validSubscriptionId(value) {
  const text = (value ?? '').trim();
  return !text || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

// the facts of an event, in this order (the reason is the timeline's own line)
const FACTS = ['department', 'departmentName', 'channel', 'webhookUrl', 'organisationUnitId', 'purpose', 'eventTypes', 'personalData',
  'deliverHistory', 'fromPosition', 'outcome'];
const LABELS = ['Requested', 'Granted', 'Refused', 'GrantChanged', 'Revoked'];

/** The label key of an event type: SubscriptionGranted and Granted alike; null for an event this client does not know. */
export function eventLabelKey(type) {
  const name = eventName(type);
  const short = name.replace(/^Subscription/, '');
  return LABELS.includes(name) ? name : (LABELS.includes(short) ? short : null);
}

/**
 * What an event of a subscription's timeline says: its label and facts (the channel and the history in words, event
 * types with their service's title, personal data by title, the scope by the unit's name or 全组织).
 */
export function describeSubscriptionEvent(entry, { t, te, locale = 'zh-CN' }, catalogue = null, unitName = (id) => id) {
  const key = eventLabelKey(entry.type);
  const label = key ? t(`subscriptions.events.${key}`) : eventName(entry.type);
  const data = entry.data || {};
  const facts = [];
  const add = (field, value) => {
    if (value !== undefined && value !== null && value !== '') {
      facts.push({ label: t(`subscriptions.fields.${field}`), value });
    }
  };
  FACTS.forEach((field) => {
    const value = data[field];
    if (value === undefined) {
      return;
    }
    switch (field) {
      case 'channel': add(field, te(`subscriptions.channels.${value}`) ? t(`subscriptions.channels.${value}`) : value); break;
      case 'organisationUnitId': add('scope', value ? unitName(value) : t('subscriptions.wholeOrganisation')); break;
      case 'eventTypes': add(field, typeTitles(value, catalogue, locale) || t('common.none')); break;
      case 'personalData': add(field, kindTitles(value, catalogue, locale, t, te) || t('subscriptions.noPersonalData')); break;
      case 'deliverHistory': add(field, t(`subscriptions.history.${value ? 'yes' : 'no'}`)); break;
      case 'outcome': add(field, te(`subscriptions.states.${value}`) ? t(`subscriptions.states.${value}`) : value); break;
      default: add(field, value);
    }
  });
  return { label, facts };
}
