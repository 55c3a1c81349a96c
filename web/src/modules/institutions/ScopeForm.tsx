import { useState } from 'react';
import { Alert, App, AutoComplete, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { institutionsApi } from '../../api/endpoints';
import type { InstitutionDetailView, QualificationScopeBody } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useCategoryOptions } from '../../shared/categories';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { im } from './messages';

/** Adds one line of qualification scope: domain, parameter, standard and optionally a product category. */
export function ScopeForm({ institution, open, onClose }: { institution: InstitutionDetailView; open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<QualificationScopeBody>();
  const [error, setError] = useState<string | null>(null);
  const categories = useCategoryOptions();
  const add = useMutation({
    mutationFn: (v: QualificationScopeBody) => institutionsApi.addScope(institution.id, { ...v, categoryCode: v.categoryCode ?? null }),
    onSuccess: (detail) => {
      client.setQueryData(['institutions', 'detail', institution.id], detail);
      void client.invalidateQueries({ queryKey: ['institutions'], predicate: (q) => q.queryKey[1] !== 'detail' });
      void message.success(t(im.scopeAdded));
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });
  const required = requiredRule(t, im.required);
  const domainOptions = institution.domains.map((d) => ({ value: d }));

  return (
    <Modal title={t(im.addScope)} open={open} onCancel={onClose} onOk={() => form.submit()} okText={t(common.save)} confirmLoading={add.isPending} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      <Form name="scope" form={form} layout="vertical" onFinish={(v) => add.mutate(v)} onValuesChange={() => setError(null)} preserve={false}>
        {/* Free text, suggesting the institution's own domains. */}
        <Form.Item name="domain" label={t(im.scopeDomain)} rules={[required(im.scopeDomain), { max: 100 }]}>
          <AutoComplete options={domainOptions} maxLength={100} showSearch={{ filterOption: (input, option) => (option?.value ?? '').includes(input) }} />
        </Form.Item>
        <Form.Item name="parameter" label={t(im.scopeParameter)} rules={[required(im.scopeParameter), { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="standard" label={t(im.scopeStandard)} rules={[required(im.scopeStandard), { max: 100 }]}>
          <Input maxLength={100} placeholder={t(im.standardPlaceholder)} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t(im.scopeCategory)}>
          <Select allowClear options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
