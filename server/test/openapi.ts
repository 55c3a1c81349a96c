import type { FastifyInstance } from 'fastify';

/** A JSON Schema as the OpenAPI description gives it (the subset the suites read). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  nullable?: boolean;
  default?: unknown;
};

export type ApiParameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema: JsonSchema };

/** One operation of the OpenAPI description, e.g. `GET /api/cases/{id}`. */
export type ApiRoute = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path with `{param}` placeholders. */
  path: string;
  /** `METHOD /path`, the key the suites report by. */
  key: string;
  /** Answers without a session (`security: []` in the description). */
  public: boolean;
  pathParams: ApiParameter[];
  query: ApiParameter[];
  /** The request body schema and its media type, when the route takes one. */
  body?: { mediaType: string; schema: JsonSchema; required: boolean };
};

type Operation = {
  security?: unknown[];
  parameters?: ApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
};

/** Every operation the app describes at `/api/docs/json`, sorted by path then method. */
export async function apiRoutes(app: FastifyInstance): Promise<ApiRoute[]> {
  const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
  if (res.statusCode !== 200) throw new Error(`/api/docs/json answered ${res.statusCode}`);
  const spec = res.json() as { security?: unknown[]; paths: Record<string, Record<string, Operation>> };
  const routes: ApiRoute[] = [];
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [lower, op] of Object.entries(operations)) {
      const method = lower.toUpperCase() as ApiRoute['method'];
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const parameters = op.parameters ?? [];
      const content = Object.entries(op.requestBody?.content ?? {})[0];
      routes.push({
        method,
        path,
        key: `${method} ${path}`,
        public: Array.isArray(op.security) && op.security.length === 0,
        pathParams: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: content ? { mediaType: content[0], schema: content[1].schema ?? {}, required: op.requestBody?.required ?? false } : undefined,
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** The path with its placeholders filled from `values` (by name; missing names throw). */
export function fillPath(route: Pick<ApiRoute, 'path'>, values: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${route.path}`);
    return encodeURIComponent(value);
  });
}
