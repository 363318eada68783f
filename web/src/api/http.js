// Talking to the gateway: every request carries the session cookie and Accept-Language; every unsafe one the CSRF
// header (the XSRF-TOKEN cookie's value) and, for commands, an Idempotency-Key. A refusal arrives as RFC 9457
// problem+json, already in the user's language, and is thrown as an ApiProblem.

export const REQUEST_TIMEOUT_MS = 40_000;
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

let language = 'zh-CN';
let sessionEnded = () => {};

/** The language the services answer in (their problem titles and details). */
export function setRequestLanguage(lang) {
  language = lang;
}

/** Called when an API answers 401: the session has ended (or never began). */
export function onSessionEnded(handler) {
  sessionEnded = handler;
}

/** A request the gateway or a service refused (or that got no definite answer), with its problem+json. */
export class ApiProblem extends Error {
  constructor(status, problem = {}, fallback = '') {
    const text = [problem.title, problem.detail].filter(Boolean).join('：');
    super(text || fallback || `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.problem = problem;
  }

  get code() {
    return this.problem.code || null;
  }

  get title() {
    return this.problem.title || this.message;
  }

  get detail() {
    return this.problem.detail || null;
  }

  /** Field errors of a validation problem: [{field, message}]. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  get correlationId() {
    return this.problem.correlationId || null;
  }

  /**
   * Whether the answer is definite: a 4xx means the request was refused and changed nothing; a 5xx, a timeout
   * or a network failure (status 0) leaves it open whether a command was applied, so it may be sent again with
   * the same idempotency key.
   */
  get definite() {
    return this.status >= 400 && this.status < 500;
  }
}

export function cookie(name, source = globalThis.document?.cookie || '') {
  const prefix = `${name}=`;
  const found = source.split(';').map((c) => c.trim()).find((c) => c.startsWith(prefix));
  return found ? decodeURIComponent(found.substring(prefix.length)) : null;
}

/** A path with the given query parameters; null, undefined and '' are left out. */
export function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      query.append(name, String(value));
    }
  });
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A fresh idempotency key (a random UUID); getRandomValues also works outside a secure context. */
export function newIdempotencyKey() {
  if (globalThis.crypto?.randomUUID) {
    return globalThis.crypto.randomUUID();
  }
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function problemOf(response) {
  try {
    const body = await response.json();
    return body && typeof body === 'object' ? body : {};
  } catch {
    return {};
  }
}

/**
 * One request. Answers the parsed JSON (null for an empty body); throws ApiProblem for anything else, with
 * status 0 when no answer came (network failure, timeout after 40 s).
 */
export async function request(method, path, { body, idempotencyKey, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': language };
  const init = { method, headers, credentials: 'same-origin', signal: AbortSignal.timeout(timeoutMs) };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (!SAFE.has(method)) {
    headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN') || '';
  }
  if (idempotencyKey) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiProblem(0, {}, e?.name === 'TimeoutError' ? 'timeout' : (e?.message || 'network'));
  }
  if (response.status === 401) {
    sessionEnded();
  }
  if (!response.ok) {
    throw new ApiProblem(response.status, await problemOf(response), response.statusText);
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/**
 * A read. A service waits for minSequence itself; should it still answer 503 READ_MODEL_BEHIND, the read is
 * tried twice more (after 1 s and 2 s) before the problem is shown.
 */
export async function read(path, params, { pause = sleep } = {}) {
  const target = withQuery(path, params);
  for (let attempt = 0; ; attempt++) {
    try {
      return await request('GET', target);
    } catch (e) {
      if (!(e instanceof ApiProblem) || e.code !== 'READ_MODEL_BEHIND' || attempt >= 2) {
        throw e;
      }
      await pause(1000 * (attempt + 1));
    }
  }
}
