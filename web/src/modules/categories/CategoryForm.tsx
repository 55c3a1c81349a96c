import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CATEGORY_GROUP_LABELS, CATEGORY_GROUPS, type CategoryGroup } from '@shijian/contracts';
import { categoriesApi } from '../../api/endpoints';
import type { ProductCategoryView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { CATEGORIES_KEY } from '../../shared/categories';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { cm } from './messages';

type Values = { code: string; name: string; nameEn: string; group: CategoryGroup; sortOrder: number; active: boolean };

/** Create a category, or edit one (its code is its identity and stays). */
export function CategoryForm({ open, category, onClose }: { open: boolean; category?: ProductCategoryView; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const editing = Boolean(category);
  const save = useMutation({
    mutationFn: (v: Values) =>
      category
        ? categoriesApi.update(category.code, { name: v.name, nameEn: v.nameEn, group: v.group, sortOrder: v.sortOrder, active: v.active })
        : categoriesApi.create({ code: v.code, name: v.name, nameEn: v.nameEn, group: v.group, sortOrder: v.sortOrder }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: CATEGORIES_KEY });
      void message.success(t(editing ? cm.saved : cm.created));
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });
  const required = requiredRule(t, cm.required);

  return (
    <Modal
      title={t(editing ? cm.editTitle : cm.create)}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      <Form
        name="category"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={category ?? { group: 'general', sortOrder: 100, active: true }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={() => setError(null)}
      >
        <Form.Item
          name="code"
          label={t(cm.code)}
          extra={editing ? undefined : t(cm.codeHint)}
          rules={editing ? [] : [required(cm.code), { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t(cm.codeRule) }]}
        >
          <Input className="mono" disabled={editing} maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t(cm.name)} rules={[required(cm.name), { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="nameEn" label={t(cm.nameEn)} rules={[required(cm.nameEn), { max: 80 }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="group" label={t(cm.group)} rules={[{ required: true, message: t(cm.groupRequired) }]}>
          <Select options={CATEGORY_GROUPS.map((g) => ({ value: g, label: t(CATEGORY_GROUP_LABELS[g]) }))} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t(cm.sortOrder)} extra={t(cm.sortHint)} rules={[{ required: true, message: t(cm.required, { field: t(cm.sortOrder) }) }]}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {editing ? (
          <Form.Item name="active" label={t(cm.active)} valuePropName="checked">
            <Switch checkedChildren={t(cm.activeOn)} unCheckedChildren={t(cm.activeOff)} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
