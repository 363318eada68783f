/**
 * An Element Plus form rule from a check that answers a message key (or null when the value is fine): the message
 * is translated when the check runs, so the rule itself never changes with the language.
 */
export function ruleOf(check, t, trigger = 'blur') {
  return {
    trigger,
    validator: (_rule, value, callback) => {
      const key = check(value);
      callback(key ? new Error(t(key)) : undefined);
    },
  };
}
