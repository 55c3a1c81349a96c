import type { FieldError } from '@shijian/contracts';

/**
 * The one way the web talks to the API: JSON in and out, the session's CSRF
 * token on every write, and every failure turned into an ApiError carrying the
 * server's code, its Chinese message and the offending fields.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
/** Kept in memory only: the token comes with the session view from login and /api/auth/me. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type AuthListener = (error: ApiError) => void;
const authListeners = new Set<AuthListener>();
/** Told when the session has ended (401) or must change its password first; returns an unsubscribe. */
export function onAuthProblem(listener: AuthListener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reads `{ error: { code, message, details } }`; anything else becomes a generic HTTP error. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const rawFields = (error.details as { fields?: unknown } | undefined)?.fields;
    const fields = Array.isArray(rawFields)
      ? rawFields.filter((f): f is FieldError => typeof f?.field === 'string' && typeof f?.message === 'string')
      : [];
    return new ApiError(status, error.code, error.message, fields, error.details);
  }
  if (status === 404) return new ApiError(status, 'NOT_FOUND', '未找到');
  if (status >= 500) return new ApiError(status, `HTTP_${status}`, `服务器暂时不可用（HTTP ${status}），请稍后重试`);
  return new ApiError(status, `HTTP_${status}`, `请求失败（HTTP ${status}）`);
}

// The session check itself and the password change answer 401/403 as part of their normal flow.
const QUIET_PATHS = ['/api/auth/me', '/api/auth/login', '/api/auth/password'];

type RequestOptions = {
  query?: Query;
  body?: unknown;
  /** A file sent as it is, with its own content type, instead of a JSON body. */
  file?: { data: Blob; type: string };
  /** 'omit' for public endpoints that must answer the same whoever asks (no cookie, so no CSRF token either). */
  credentials?: RequestCredentials;
};

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const credentials = options.credentials ?? 'same-origin';
  if (options.file) headers['content-type'] = options.file.type;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken && credentials !== 'omit') headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path + queryString(options.query), {
      method,
      headers,
      credentials,
      body: options.file ? options.file.data : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }

  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const error = errorFromBody(response.status, body);
    const authProblem = error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED';
    if (authProblem && !QUIET_PATHS.includes(path)) for (const listener of authListeners) listener(error);
    throw error;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
