import type { Label, Translate } from '../app/i18n';

/**
 * The rule for a text field that must be filled in (spaces alone don't count),
 * whose message names the field. `template` is the module's 请填写{field}.
 * Usage: `const required = requiredRule(t, xm.required);` then `rules={[required(xm.title)]}`.
 */
export const requiredRule = (t: Translate, template: Label) => (field: Label) => ({
  required: true,
  whitespace: true,
  message: t(template, { field: t(field) }),
});
