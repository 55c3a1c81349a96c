import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, type InstitutionKind } from '@shijian/contracts';
import { institutionsApi, orgsApi } from '../../api/endpoints';
import type { InstitutionDetailView, InstitutionView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { RegionCascader } from '../../shared/RegionCascader';
import { requiredRule } from '../../shared/rules';
import { scopeRegion } from '../../shared/scope';
import { im } from './messages';

type Values = {
  name: string;
  kind: InstitutionKind;
  regionCode: string;
  parentOrgId: string;
  address: string;
  cmaNumber: string | null;
  cmaValidUntil: string | null;
  domains: string[];
};

function toValues(i: InstitutionView): Partial<Values> {
  return { name: i.name, kind: i.kind, address: i.address, cmaNumber: i.cmaNumber, cmaValidUntil: i.cmaValidUntil, domains: i.domains };
}

/** The regulators an institution can be placed under: those in the user's scope. */
function useBureauOptions(enabled: boolean) {
  const bureaus = useQuery({ queryKey: ['orgs', 'regulators'], queryFn: () => orgsApi.list({ kind: 'regulator', pageSize: 1000 }), enabled });
  return { options: (bureaus.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })), loading: bureaus.isPending && enabled };
}

/** Register an institution, or edit its name, kind, address and CMA certificate. Region and bureau are fixed once registered. */
export function InstitutionForm({ open, institution, onClose, onSaved }: { open: boolean; institution?: InstitutionView; onClose: () => void; onSaved?: (i: InstitutionDetailView) => void }) {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const editing = Boolean(institution);
  const bureaus = useBureauOptions(open && !editing);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name, kind: v.kind, address: v.address, cmaNumber: v.cmaNumber || null, cmaValidUntil: v.cmaValidUntil || null, domains: v.domains ?? [] };
      return institution ? institutionsApi.update(institution.id, body) : institutionsApi.create({ ...body, regionCode: v.regionCode, parentOrgId: v.parentOrgId });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['institutions'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      void client.invalidateQueries({ queryKey: ['orgs'] });
      void message.success(t(editing ? im.updated : im.created));
      onSaved?.(saved);
      onClose();
    },
    onError: (e) => showFormError(form, e, setError),
  });

  const required = requiredRule(t, im.required);
  const initialValues: Partial<Values> = institution
    ? toValues(institution)
    : { domains: [], parentOrgId: session.org.kind === 'regulator' ? session.org.id : undefined };

  return (
    <Modal
      title={t(editing ? im.editTitle : im.create)}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={620}
    >
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      <Form name="institution" form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} onValuesChange={() => setError(null)} preserve={false}>
        <Form.Item name="name" label={t(im.name)} rules={[required(im.name), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t(im.kind)} rules={[{ required: true, message: t(im.kindRequired) }]}>
          <Select options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(INSTITUTION_KIND_LABELS[k]) }))} />
        </Form.Item>
        {editing ? null : (
          <>
            <Form.Item name="parentOrgId" label={t(im.parentOrg)} rules={[{ required: true, message: t(im.parentOrgRequired) }]}>
              <Select options={bureaus.options} loading={bureaus.loading} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="regionCode" label={t(im.region)} rules={[{ required: true, message: t(im.regionRequired) }]}>
              <RegionCascader anyLevel within={scopeRegion(session)} />
            </Form.Item>
          </>
        )}
        <Form.Item name="address" label={t(im.address)} rules={[required(im.address), { max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="cmaNumber" label={t(im.cmaNumber)} rules={[{ pattern: /^\d{12}$/, message: t(im.cmaNumberRule) }]}>
          <Input className="mono" maxLength={12} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="cmaValidUntil" label={t(im.cmaValidUntil)} {...isoDateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="domains" label={t(im.domains)} extra={t(im.domainsHint)}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
