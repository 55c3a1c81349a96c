import { useState, type ReactNode } from 'react';
import { Alert, Button, Drawer, Flex, Form, type FormInstance, type FormProps } from 'antd';
import { common } from '../app/common';
import { useT } from '../app/i18n';
import { showFormError } from './errors';

/**
 * A form's submit error: field errors go under their fields, anything else to
 * `message`, which FormDrawer shows above the fields until the next edit.
 */
export function useFormError(form: FormInstance) {
  const [error, setError] = useState<string | null>(null);
  return { message: error, clear: () => setError(null), show: (e: unknown) => showFormError(form, e, setError) };
}

export type FormDrawerProps<V> = Pick<FormProps<V>, 'name' | 'initialValues' | 'onFinish' | 'onValuesChange'> & {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  size: number;
  form: FormInstance<V>;
  /** From useFormError(form). */
  formError: { message: string | null; clear: () => void };
  saving: boolean;
  /** The save button's text; 保存 by default. */
  saveText?: string;
  /** Remounts the form, so another record starts from its own values. */
  formKey?: string;
  children: ReactNode;
};

/** A vertical form in a drawer with 取消 / 保存 at its foot; the form isn't kept once the drawer closes. */
export function FormDrawer<V>({ title, open, onClose, size, form, formError, saving, saveText, formKey, onValuesChange, children, ...formProps }: FormDrawerProps<V>) {
  const t = useT();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) formError.clear();
      }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t(common.cancel)}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {saveText ?? t(common.save)}
          </Button>
        </Flex>
      }
    >
      {formError.message ? <Alert type="error" showIcon title={formError.message} className="form-alert" role="alert" /> : null}
      <Form<V>
        key={formKey}
        form={form}
        layout="vertical"
        onValuesChange={(changed, all) => {
          formError.clear();
          onValuesChange?.(changed, all);
        }}
        preserve={false}
        {...formProps}
      >
        {children}
      </Form>
    </Drawer>
  );
}
