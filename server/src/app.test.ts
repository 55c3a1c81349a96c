import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('errors are structured and speak Chinese', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const c = await h.as('sc.admin');
    const res = await c.request({ method: 'POST', url: '/api/enterprises', payload: '{"uscc":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' } });
  });

  it('answers an oversized body with 413 and an unsupported type with 415', async () => {
    const c = await h.as('sc.admin');
    const big = await c.request({ method: 'POST', url: '/api/enterprises', payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const xml = await c.request({ method: 'POST', url: '/api/enterprises', payload: '<a/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.statusCode).toBe(415);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await (await h.as('sc.admin')).get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers a malformed id with a field error, not a database error', async () => {
    const res = await (await h.as('sc.admin')).get('/api/enterprises/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('id');
    expect(res.body).not.toMatch(/select|postgres|stack/i);
  });

  it('rejects wrong types with the field named', async () => {
    const res = await (await h.as('sc.admin')).post('/api/enterprises', { uscc: 123, name: ['x'], size: 'huge' });
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['uscc', 'name', 'size']));
  });
});

describe('security headers', () => {
  it('sends CSP, frame, sniffing and referrer protections on API and page responses', async () => {
    // An error answered from a later hook (401) carries them too.
    for (const url of ['/api/health', '/api/docs', '/api/enterprises', '/api/public/reports/verify?no=X&code=Y']) {
      const res = await h.anonymous().get(url);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('OpenAPI', () => {
  it('serves the description generated from the schemas and the docs page', async () => {
    const spec = (await h.anonymous().get('/api/docs/json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.paths['/api/enterprises'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['uscc', 'name', 'regionCode']),
    );
    const page = await h.anonymous().get('/api/docs');
    expect([200, 302]).toContain(page.statusCode);
  });
});

