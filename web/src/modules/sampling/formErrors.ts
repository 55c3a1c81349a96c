import type { FormInstance } from 'antd';
import type { FieldError } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { showFormError } from '../../shared/errors';

export type NamePath = (string | number)[];

/** A server field path as an antd name path: 'quotas.0.areaCode' → ['quotas', 0, 'areaCode']. */
export function namePath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Separates errors of one row's field in a Form.List (`quotas.2.category`),
 * placed exactly there, from the rest, which the shared helper places.
 */
export function splitListErrors(fields: FieldError[], list: string): { nested: { name: NamePath; errors: string[] }[]; rest: FieldError[] } {
  const byPath = new Map<string, string[]>();
  const rest: FieldError[] = [];
  for (const f of fields) {
    const path = namePath(f.field);
    if (path[0] === list && typeof path[1] === 'number' && path.length >= 3) byPath.set(f.field, [...(byPath.get(f.field) ?? []), f.message]);
    else rest.push(f);
  }
  return { nested: [...byPath].map(([field, errors]) => ({ name: namePath(field), errors })), rest };
}

/** showFormError for a form with a Form.List named `list`. */
export function showListFormError(form: FormInstance, error: unknown, list: string, notify: (text: string) => void) {
  if (!(error instanceof ApiError) || !error.fields.length) {
    showFormError(form, error, notify);
    return;
  }
  const { nested, rest } = splitListErrors(error.fields, list);
  if (nested.length) form.setFields(nested);
  if (rest.length) showFormError(form, new ApiError(error.status, error.code, error.message, rest, error.details), notify);
}
