// The organisation tree's rules as far as the screens mirror them (the organisation service decides:
// OrganisationStructure): which kinds stand under which, and what a name may be (the platform text rule).

export const KINDS = ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'PARTY_GROUP', 'MASS_ORGANISATION'];
export const MASS_TYPES = ['TRADE_UNION', 'YOUTH_LEAGUE', 'WOMENS_FEDERATION'];
export const STATUSES = ['ACTIVE', 'DISSOLVED'];

const ALLOWED_UNDER = {
  COMMITTEE: ['GENERAL_BRANCH', 'BRANCH', 'MASS_ORGANISATION'],
  GENERAL_BRANCH: ['BRANCH'],
  BRANCH: ['PARTY_GROUP'],
  PARTY_GROUP: [],
  MASS_ORGANISATION: [],
};

/** The kinds that may be established under a unit of `kind`. */
export function kindsUnder(kind) {
  return ALLOWED_UNDER[kind] || [];
}

export const NAME_MAX = 100;
export const REASON_MAX = 1000;

/**
 * The message key for a name the service would refuse, or null: required, at most 100 characters, holding a
 * letter or digit, not starting or ending with a space. (The service also refuses invisible and control
 * characters, and says which one; that check stays on the server.)
 */
export function nameProblem(name) {
  const text = name ?? '';
  if (!text.trim()) {
    return 'org.nameRequired';
  }
  if ([...text.normalize('NFC')].length > NAME_MAX) {
    return 'org.nameTooLong';
  }
  if (text !== text.trim() || !/[\p{L}\p{N}]/u.test(text)) {
    return 'org.nameBlank';
  }
  return null;
}

export function reasonProblem(reason) {
  return [...(reason ?? '').normalize('NFC')].length > REASON_MAX ? 'org.reasonTooLong' : null;
}
