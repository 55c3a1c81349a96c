import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** Error codes whose field the server names only by code. */
const FIELD_OF_CODE: Record<string, string> = {
  USCC_DUPLICATE: 'uscc',
  USERNAME_TAKEN: 'username',
  CATEGORY_EXISTS: 'code',
  WRONG_PASSWORD: 'currentPassword',
  WEAK_PASSWORD: 'newPassword',
  REGION_OUT_OF_SCOPE: 'regionCode',
  TEST_ITEM_EXISTS: 'parameter',
  INSTRUMENT_NOT_VERIFIED: 'instrumentId',
};

export type FieldMessage = { name: string; errors: string[] };

/**
 * Maps a server error onto the form's fields. `categories.2` becomes `categories`
 * when the form has no such nested field. Returns the messages it could not place.
 */
export function fieldErrorsOf(error: ApiError, formFields: readonly string[]): { placed: FieldMessage[]; rest: string[] } {
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  const fields = error.fields.length ? error.fields : FIELD_OF_CODE[error.code] ? [{ field: FIELD_OF_CODE[error.code]!, message: error.message }] : [];
  for (const { field, message } of fields) {
    const name = formFields.includes(field) ? field : field.split('.')[0];
    if (name && formFields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), message]);
    else rest.push(message);
  }
  if (!fields.length) rest.push(error.message);
  return { placed: [...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })), rest };
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}

/**
 * Shows a failed submit: field errors under their fields, anything else through `notify`.
 * The form's field names are read from the form itself.
 */
export function showFormError(form: FormInstance, error: unknown, notify: (text: string) => void) {
  if (!(error instanceof ApiError)) {
    notify(errorMessage(error));
    return;
  }
  const names = [...new Set([...Object.keys(form.getFieldsValue() as object), ...Object.keys(form.getFieldsValue(true) as object)])];
  const { placed, rest } = fieldErrorsOf(error, names);
  if (placed.length) form.setFields(placed);
  if (rest.length) notify(rest.join('；'));
}
