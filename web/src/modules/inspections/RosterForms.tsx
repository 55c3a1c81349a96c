import { useState } from 'react';
import { App, Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { inspectionsApi, type InspectorView } from './api';
import { im } from './messages';

type InspectorValues = { userId: string; enforcementId: string; fields: string[]; active: boolean };

/** Puts a regulator's staff member on the roster, or edits an entry (`inspector` given). */
export function InspectorModal({ open, inspector, onClose }: { open: boolean; inspector: InspectorView | null; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<InspectorValues>();
  const [search, setSearch] = useState('');
  const staff = useQuery({ queryKey: ['inspections', 'staff', search], queryFn: () => inspectionsApi.staff(search), enabled: open && !inspector });
  const save = useMutation({
    mutationFn: (v: InspectorValues) => inspectionsApi.saveInspector(inspector?.userId ?? v.userId, { enforcementId: v.enforcementId.trim(), fields: v.fields, active: v.active }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['inspections', 'roster'] });
      void message.success(t(im.inspectorSaved, { name: saved.name }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  if (!open) return null;
  const options = (staff.data?.items ?? []).filter((u) => u.orgKind === 'regulator').map((u) => ({ value: u.id, label: `${u.displayName}（${u.username} · ${u.orgName}）` }));
  return (
    <Modal
      open
      title={inspector ? t(im.inspectorTitleEdit, { name: inspector.name }) : t(im.inspectorTitleNew)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        name="inspector"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={inspector ? { enforcementId: inspector.enforcementId, fields: inspector.fields, active: inspector.active } : { fields: ['产品质量'], active: true }}
        onFinish={(v) => save.mutate(v)}
      >
        {inspector ? null : (
          <Form.Item name="userId" label={t(im.staff)} rules={[{ required: true, message: t(im.staffRequired) }]}>
            <Select showSearch={{ filterOption: false, onSearch: setSearch }} placeholder={t(im.staffPlaceholder)} options={options} loading={staff.isFetching} />
          </Form.Item>
        )}
        <Form.Item name="enforcementId" label={t(im.enforcementId)} rules={[{ required: true, whitespace: true, message: t(im.enforcementIdRequired) }, { pattern: /^[0-9A-Za-z-]{4,30}$/, message: '执法证号应为4-30位字母、数字或连字符' }]}>
          <Input maxLength={30} className="mono" autoComplete="off" />
        </Form.Item>
        <Form.Item name="fields" label={t(im.fields)} extra={t(im.fieldsHint)} rules={[{ required: true, type: 'array', min: 1, message: t(im.fieldsRequired) }]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} options={['产品质量', '计量', '认证检验检测', '特种设备', '价格', '食品'].map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item name="active" label={t(im.active)} valuePropName="checked">
          <Switch checkedChildren={t(im.activeYes)} unCheckedChildren={t(im.activeNo)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ConflictValues = { enterpriseId: string; reason: string };

/** Declares a conflict of interest for one officer: they are never drawn for that enterprise again. */
export function ConflictModal({ inspector, onClose }: { inspector: InspectorView | null; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConflictValues>();
  const [search, setSearch] = useState('');
  const enterprises = useQuery({
    queryKey: ['inspections', 'directory', 'pick', search],
    queryFn: () => inspectionsApi.directory({ q: search || undefined, pageSize: 20 }),
    enabled: Boolean(inspector),
  });
  const save = useMutation({
    mutationFn: (v: ConflictValues) => inspectionsApi.declareConflict({ inspectorUserId: inspector!.userId, enterpriseId: v.enterpriseId, reason: v.reason.trim() }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['inspections', 'roster'] });
      void message.success(t(im.conflictDeclared, { name: saved.name }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  if (!inspector) return null;
  const declared = new Set(inspector.conflicts.map((c) => c.enterpriseId));
  const options = (enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）`, disabled: declared.has(e.id) }));
  return (
    <Modal
      open
      title={t(im.declareTitle, { name: inspector.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(im.declareConflict)}
      okButtonProps={{ danger: true }}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={t(im.declareHint)} />
      <Form name="conflict" form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="enterpriseId" label={t(im.enterprise)} rules={[{ required: true, message: t(im.enterpriseRequired) }]}>
          <Select showSearch={{ filterOption: false, onSearch: setSearch }} placeholder={t(im.searchEnterprise)} options={options} loading={enterprises.isFetching} />
        </Form.Item>
        <Form.Item name="reason" label={t(im.reason)} rules={[{ required: true, whitespace: true, message: t(im.reasonRequired) }, { max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
