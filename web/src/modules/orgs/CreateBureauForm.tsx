import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { REGULATOR_LEVEL_LABELS } from '@shijian/contracts';
import { orgsApi, regionsApi } from '../../api/endpoints';
import type { OrgView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { om } from './messages';
import { childLevel } from './orgTree';

type Values = { regionCode: string; name: string };

/** A new bureau one level below `parent`, for one of the regions directly inside the parent's. */
export function CreateBureauForm({ parent, open, onClose, onCreated }: { parent: OrgView; open: boolean; onClose: () => void; onCreated: (org: OrgView) => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const level = childLevel(parent);
  const regions = useQuery({
    queryKey: ['regions', parent.regionCode ?? ''],
    queryFn: () => regionsApi.children(parent.regionCode ?? undefined),
    enabled: open,
    staleTime: 60 * 60 * 1000,
  });
  const create = useMutation({
    mutationFn: (v: Values) => orgsApi.create({ name: v.name, level: level!, regionCode: v.regionCode, parentId: parent.id }),
    onSuccess: (org) => {
      void client.invalidateQueries({ queryKey: ['orgs'] });
      void message.success(t(om.created, { name: org.name }));
      onCreated(org);
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });

  if (!level) return null;
  const levelLabel = t(REGULATOR_LEVEL_LABELS[level]);
  return (
    <Modal
      title={t(om.createTitle, { parent: parent.name, level: levelLabel })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      <Form name="bureau" form={form} layout="vertical" preserve={false} onFinish={(v) => create.mutate(v)} onValuesChange={() => setError(null)}>
        <Form.Item name="regionCode" label={t(om.childRegion)} rules={[{ required: true, message: t(om.childRegionRequired) }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={regions.isPending}
            options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）`, name: r.name }))}
            onChange={(_, option) => {
              // Suggest the usual name until the user has typed one of their own.
              const name = (option as { name?: string } | undefined)?.name;
              // Counties carry their city's name, as in 成都市武侯区市场监督管理局.
              const place = level === 'county' && parent.regionName ? `${parent.regionName}${name}` : name;
              if (name && !form.isFieldTouched('name')) form.setFieldValue('name', `${place}${t(om.nameSuffix)}`);
            }}
          />
        </Form.Item>
        <Form.Item name="name" label={t(om.name)} rules={[{ required: true, whitespace: true, message: t(om.nameRequired) }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
