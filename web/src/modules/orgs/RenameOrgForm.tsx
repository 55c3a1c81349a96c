import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgsApi } from '../../api/endpoints';
import type { OrgView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { om } from './messages';

export function RenameOrgForm({ org, open, onClose }: { org: OrgView; open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: (v: { name: string }) => orgsApi.update(org.id, { name: v.name }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['orgs'] });
      void message.success(t(om.renamed));
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });
  return (
    <Modal title={t(om.renameTitle)} open={open} onCancel={onClose} onOk={() => form.submit()} okText={t(common.save)} confirmLoading={rename.isPending} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      <Form name="renameOrg" form={form} layout="vertical" preserve={false} initialValues={{ name: org.name }} onFinish={(v) => rename.mutate(v)} onValuesChange={() => setError(null)}>
        <Form.Item name="name" label={t(om.name)} rules={[{ required: true, whitespace: true, message: t(om.nameRequired) }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
