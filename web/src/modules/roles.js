/** The platform's roles, as the identity provider puts them in the token's roles claim. */
export const ROLES = ['COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER', 'DISCIPLINE_INSPECTOR', 'AUDITOR',
  'PLATFORM_OPERATOR', 'DEPARTMENT'];

/** Every role a person signs in with (DEPARTMENT is a machine client). */
export const PEOPLE = ROLES.filter((r) => r !== 'DEPARTMENT');
