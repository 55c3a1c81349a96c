import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/client.js';
import type { Client, Harness } from '../../../test/harness.js';
import { fillPath, type ApiRoute } from '../../../test/openapi.js';
import type { World } from './arbitraries.js';

/**
 * What the demo world holds that makes a request real: ids the API lists (for path parameters and
 * `…Id` fields), region codes and USCCs. Ids are read through the API, as the accounts of the
 * suite see them, and only where a route needs them.
 */

const POOL_SIZE = 12;

const camel = (segment: string) => segment.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const singular = (word: string) => (word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') ? word.slice(0, -1) : word);
/** `enterpriseId` → `enterprise`, `areaCodes` → `areaCode`, `id` → ``. */
const stemOf = (name: string) => singular(name).replace(/Id$/, '').toLowerCase();

type Listing = Record<string, unknown>[];

export async function demoWorld(h: Harness, routes: ApiRoute[], readers: () => Promise<Client[]>, exclude: Set<string>) {
  const db = h.services.deps.db;
  const allRegions = new Set((await rawRows<{ code: string }>(db, sql`select code from regions`)).map((r) => r.code));
  const regionCodes = (
    await rawRows<{ code: string }>(db, sql`select distinct region_code as code from orgs where region_code is not null union select distinct region_code from enterprises order by 1`)
  ).map((r) => r.code);
  const usccs = (await rawRows<{ uscc: string }>(db, sql`select uscc from enterprises order by uscc limit ${POOL_SIZE}`)).map((r) => r.uscc);

  const gets = new Map(routes.filter((r) => r.method === 'GET').map((r) => [r.path, r]));
  /** Lists without path parameters, by the stem of their last segment: `/api/lab/test-items` → `testitem`. */
  const collections = routes
    .filter((r) => r.method === 'GET' && !r.pathParams.length && !r.query.some((q) => q.required))
    .map((r) => ({ route: r, stem: stemOf(camel(r.path.split('/').pop()!)) }))
    .filter((c) => c.stem.length > 1);

  const listings = new Map<string, Promise<Listing>>();
  /** The first non-empty listing any reader gets from `url` (cached). */
  function list(url: string, pick: (body: unknown) => unknown): Promise<Listing> {
    const key = url;
    let cached = listings.get(key);
    if (!cached) {
      cached = (async () => {
        for (const client of await readers()) {
          const res = await client.get(url);
          if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) continue;
          const found = pick(res.json());
          const items = (Array.isArray(found) ? found : []).filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
          if (items.length) return items;
        }
        return [];
      })();
      listings.set(key, cached);
    }
    return cached;
  }
  const itemsOf = (body: unknown) => (Array.isArray(body) ? body : (body as { items?: unknown })?.items);
  const withPageSize = (route: ApiRoute) => (route.query.some((q) => q.name === 'pageSize') ? `${route.path}?pageSize=${POOL_SIZE}` : route.path);
  const values = (items: Listing, ...keys: string[]) => {
    const out: string[] = [];
    for (const item of items) {
      const v = keys.map((k) => item[k]).find((x) => typeof x === 'string' && x.length > 0) as string | undefined;
      if (v && !exclude.has(v) && !out.includes(v)) out.push(v);
    }
    return out.slice(0, POOL_SIZE);
  };

  const byStem = new Map<string, string[]>();
  /** Real ids for a field named like `partyEnterpriseId`: the collection whose stem ends the name (or the reverse). */
  async function prefetch(name: string): Promise<void> {
    const stem = stemOf(name);
    if (!stem || byStem.has(stem)) return;
    const matches = collections
      .filter((c) => stem.endsWith(c.stem) || c.stem.endsWith(stem))
      .sort((a, b) => Number(b.stem === stem) - Number(a.stem === stem) || b.stem.length - a.stem.length);
    byStem.set(stem, []);
    for (const c of matches) {
      const ids = values(await list(withPageSize(c.route), itemsOf), 'id');
      if (ids.length) {
        byStem.set(stem, ids);
        return;
      }
    }
  }

  const world: World = {
    idsFor: (name) => byStem.get(stemOf(name)) ?? [],
    regionCodes,
    isRegion: (code) => allRegions.has(code),
    usccs,
  };

  /**
   * Real values of each path parameter of a route: from the list at the path before it
   * (`/api/enterprises` for `/api/enterprises/{id}`), else from a property of the parent's detail
   * (`tests` of `/api/lab/samples/{id}` for `{testId}`), else by the parameter's name.
   */
  async function pathPools(route: ApiRoute): Promise<Record<string, string[]>> {
    const pools: Record<string, string[]> = {};
    const known: Record<string, string> = {};
    for (const param of route.pathParams) {
      const prefix = route.path.slice(0, route.path.indexOf(`/{${param.name}}`));
      const earlier = [...prefix.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      let pool: string[] = [];
      if (earlier.every((n) => known[n] !== undefined)) {
        const listRoute = gets.get(prefix);
        if (listRoute) pool = values(await list(fillPath({ path: withPageSize(listRoute) }, known), itemsOf), param.name, 'id', 'key', 'code');
        const parentPath = prefix.slice(0, prefix.lastIndexOf('/'));
        const property = camel(prefix.slice(prefix.lastIndexOf('/') + 1));
        if (!pool.length && /\}$/.test(parentPath) && gets.has(parentPath)) {
          pool = values(await list(fillPath({ path: parentPath }, known), (body) => (body as Record<string, unknown>)?.[property]), 'id', param.name);
        }
      }
      if (!pool.length) {
        await prefetch(param.name);
        pool = world.idsFor(param.name);
      }
      pools[param.name] = pool;
      if (pool[0] !== undefined) known[param.name] = pool[0];
    }
    return pools;
  }

  return { world, prefetch, pathPools };
}
