import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, cookie, newIdempotencyKey, onSessionEnded, read, request, setRequestLanguage, withQuery } from '../src/api/http.js';

function answer(status, body, headers = { 'Content-Type': 'application/json' }) {
  return new Response(body === undefined ? '' : JSON.stringify(body), { status, headers });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setRequestLanguage('zh-CN');
});

describe('request', () => {
  it('sends the language, the CSRF cookie on unsafe methods and the idempotency key, with the session cookie', async () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123';
    const fetch = vi.fn().mockResolvedValue(answer(201, { id: 'u1', sequence: 0 }));
    vi.stubGlobal('fetch', fetch);
    setRequestLanguage('en');

    const result = await request('POST', '/api/organisation/units', { body: { name: '第一支部' }, idempotencyKey: 'k-1' });

    expect(result).toEqual({ id: 'u1', sequence: 0 });
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/organisation/units');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers['Accept-Language']).toBe('en');
    expect(init.headers['X-XSRF-TOKEN']).toBe('abc=123');
    expect(init.headers['Idempotency-Key']).toBe('k-1');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body)).toEqual({ name: '第一支部' });
  });

  it('sends no CSRF header on a read', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    await request('GET', '/api/me');
    expect(fetch.mock.calls[0][1].headers['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('throws the problem+json of a refusal, with its code, field errors and correlation id', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(409, {
      title: '不能撤销', detail: '其下仍有下级组织', code: 'UNIT_HAS_ACTIVE_SUBORDINATES', correlationId: 'c-9',
      errors: [{ field: 'name', message: '不能为空' }],
    }, { 'Content-Type': 'application/problem+json' })));

    const refusal = await request('POST', '/x', { body: {} }).catch((e) => e);

    expect(refusal).toBeInstanceOf(ApiProblem);
    expect(refusal.status).toBe(409);
    expect(refusal.code).toBe('UNIT_HAS_ACTIVE_SUBORDINATES');
    expect(refusal.message).toBe('不能撤销：其下仍有下级组织');
    expect(refusal.errors).toEqual([{ field: 'name', message: '不能为空' }]);
    expect(refusal.correlationId).toBe('c-9');
    expect(refusal.definite).toBe(true);
  });

  it('treats a 5xx and a network failure as indefinite (the command may be sent again with the same key)', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(503, {})));
    expect((await request('POST', '/x').catch((e) => e)).definite).toBe(false);
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const failure = await request('POST', '/x').catch((e) => e);
    expect(failure.status).toBe(0);
    expect(failure.definite).toBe(false);
  });

  it('tells the session that it ended on a 401', async () => {
    const ended = vi.fn();
    onSessionEnded(ended);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(401, { code: 'UNAUTHENTICATED' })));
    await request('GET', '/api/organisation/tree').catch(() => {});
    expect(ended).toHaveBeenCalledOnce();
    onSessionEnded(() => {});
  });
});

describe('read', () => {
  it('tries twice more when the read model is behind, then gives up with the problem', async () => {
    const fetch = vi.fn().mockImplementation(() => Promise.resolve(answer(503, { code: 'READ_MODEL_BEHIND', title: '数据尚未更新' })));
    vi.stubGlobal('fetch', fetch);
    const pauses = [];
    const refusal = await read('/api/organisation/units/u1', { minSequence: 3 }, { pause: async (ms) => { pauses.push(ms); } }).catch((e) => e);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch.mock.calls[0][0]).toBe('/api/organisation/units/u1?minSequence=3');
    expect(pauses).toEqual([1000, 2000]);
    expect(refusal.code).toBe('READ_MODEL_BEHIND');
  });

  it('does not retry other refusals', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(404, { code: 'UNIT_NOT_FOUND' }));
    vi.stubGlobal('fetch', fetch);
    await read('/x').catch(() => {});
    expect(fetch).toHaveBeenCalledOnce();
  });
});

describe('helpers', () => {
  it('leaves empty parameters out of a query', () => {
    expect(withQuery('/units', { parent: 'top', q: '', kind: null, page: 0, status: undefined })).toBe('/units?parent=top&page=0');
    expect(withQuery('/units', {})).toBe('/units');
    expect(withQuery('/units', { q: '党 支部&x' })).toBe('/units?q=%E5%85%9A+%E6%94%AF%E9%83%A8%26x');
  });

  it('reads a cookie by its exact name', () => {
    expect(cookie('XSRF-TOKEN', 'A=1; XSRF-TOKEN=t%20k; XSRF-TOKEN2=no')).toBe('t k');
    expect(cookie('MISSING', 'A=1')).toBeNull();
  });

  it('makes random version-4 UUIDs as idempotency keys', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
