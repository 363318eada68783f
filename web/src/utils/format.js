// Dates and numbers as the user's language writes them: 2026年11月28日 15:21:48 GMT+8 and 12,345 in Chinese,
// 28 Nov 2026, 15:21:48 GMT+8 and 12,345 in English. Times are shown in the browser's time zone, with its name.

const intlLocale = (lang) => (lang === 'en' ? 'en-GB' : 'zh-CN');

/** The Date of an ISO-8601 text, null when absent, the text itself when unreadable. */
function toDate(iso) {
  if (!iso) {
    return null;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date;
}

/** A date and time, or '' when absent; an unreadable value is shown as it came. */
export function formatDateTime(iso, lang = 'zh-CN', timeZone = undefined) {
  const date = toDate(iso);
  if (!(date instanceof Date)) {
    return date ?? '';
  }
  return new Intl.DateTimeFormat(intlLocale(lang), {
    year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short', timeZone,
  }).format(date);
}

/** A date alone: 2026年11月28日 / 28 Nov 2026. */
export function formatDate(iso, lang = 'zh-CN', timeZone = undefined) {
  const date = toDate(iso);
  if (!(date instanceof Date)) {
    return date ?? '';
  }
  return new Intl.DateTimeFormat(intlLocale(lang), {
    year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric', timeZone,
  }).format(date);
}

/** A calendar day as the API gives it (YYYY-MM-DD), written the language's way; '' when absent. */
export function formatDay(day, lang = 'zh-CN') {
  return day ? formatDate(`${day}T00:00:00`, lang) : '';
}

/** A count with the language's grouping: 12,345. */
export function formatNumber(value, lang = 'zh-CN') {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return '';
  }
  return new Intl.NumberFormat(intlLocale(lang)).format(Number(value));
}

/** How much of `total` is `done`, from 0 to 1 (1 when there is nothing to do). */
export function share(done, total) {
  return total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
}

/** A share as a percentage: 42% (100% when there is nothing to do). */
export function formatPercent(done, total, lang = 'zh-CN') {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share(done, total));
}

/** The first characters of a hash, for a glance; the full value goes in a title. */
export function shortHash(hash, length = 12) {
  return hash ? `${hash.slice(0, length)}…` : '';
}

/** The event's short type name: "org.dangjian.organisation.OrganisationUnitRenamed.v1" → "OrganisationUnitRenamed". */
export function eventName(type) {
  const match = /\.([A-Za-z]+)\.v\d+$/.exec(type || '');
  return match ? match[1] : (type || '');
}

/** Today's date (YYYY-MM-DD) in the centre's time zone, Asia/Shanghai: the day a step taken now is dated. */
export function todayInCentre(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
