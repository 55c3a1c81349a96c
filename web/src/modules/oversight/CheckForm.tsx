import { useEffect, useMemo, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INSTITUTION_KIND_LABELS, TESTING_DOMAIN_LABELS, TESTING_DOMAINS, type TestingDomain } from '@shijian/contracts';
import { useT, type Label } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { isoDateField } from '../../shared/dateField';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { CHECKS_KEY, checksApi, type InstitutionCheckView } from './api';
import { om } from './messages';
import { useCampaignOptions } from './parts';
import { beijingToday } from '../../shared/format';

type Values = {
  institutionId?: string;
  domain?: TestingDomain;
  campaignId?: string;
  checkedOn: string;
  reportsChecked?: number | null;
  untrueReports?: number | null;
  fakeReports?: number | null;
  findings: string;
};

/** A testing institution in the caller's scope, found by name as the user types. */
function InstitutionSelect({ value, onChange, id }: { value?: string; onChange?: (id: string | undefined) => void; id?: string }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const result = useQuery({ queryKey: ['institutions', 'pick', search], queryFn: () => checksApi.institutions(search), placeholderData: keepPreviousData, staleTime: 30_000 });
  const options = useMemo(
    () => (result.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.regionName}）`, title: t(INSTITUTION_KIND_LABELS[i.kind]) })),
    [result.data, t],
  );
  return (
    <Select
      id={id}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      loading={result.isFetching}
      placeholder={t(om.institutionSearch)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      notFoundContent={result.isFetching ? undefined : null}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <div className="secondary-text">{option.data.title}</div>
        </div>
      )}
    />
  );
}

/** 登记检查: what was spot-checked at a testing institution and what was found. */
export function CheckForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved?: (check: InstitutionCheckView) => void }) {
  const t = useT();
  const required = requiredRule(t, om.required);
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const campaigns = useCampaignOptions();
  const choose = (label: Label) => ({ required: true, message: t(om.chooseRequired, { field: t(label) }) });
  const count = (label: Label) => ({ required: true, type: 'integer' as const, min: 0, max: 1_000_000, message: t(om.countRequired, { field: t(label) }) });

  const save = useMutation({
    mutationFn: (v: Values) =>
      checksApi.record({
        institutionId: v.institutionId ?? '',
        domain: v.domain as TestingDomain,
        campaignId: v.campaignId || null,
        checkedOn: v.checkedOn,
        reportsChecked: v.reportsChecked ?? 0,
        untrueReports: v.untrueReports ?? 0,
        fakeReports: v.fakeReports ?? 0,
        findings: v.findings,
      }),
    onSuccess: (check) => {
      void client.invalidateQueries({ queryKey: CHECKS_KEY });
      void message.success(t(om.recorded));
      onClose();
      onSaved?.(check);
    },
    onError: formError.show,
  });

  return (
    <FormDrawer<Values>
      title={t(om.newCheckTitle)}
      open={open}
      onClose={onClose}
      size={640}
      form={form}
      formError={formError}
      saving={save.isPending}
      name="institutionCheck"
      initialValues={{ checkedOn: dayjs(beijingToday()).format('YYYY-MM-DD'), untrueReports: 0, fakeReports: 0 }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="institutionId" label={t(om.institution)} rules={[choose(om.institution)]}>
        <InstitutionSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="domain" label={t(om.domain)} rules={[choose(om.domain)]}>
            <Select options={TESTING_DOMAINS.map((d) => ({ value: d, label: t(TESTING_DOMAIN_LABELS[d]) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="checkedOn"
            label={t(om.checkedOn)}
            rules={[
              choose(om.checkedOn),
              {
                validator: async (_: unknown, value?: string | null) => {
                  if (value && value > dayjs(beijingToday()).format('YYYY-MM-DD')) throw new Error(t(om.checkedOnFuture));
                },
              },
            ]}
            {...isoDateField}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day'))} />
          </Form.Item>
        </Col>
      </Row>
      {can(session, 'campaign.read') ? (
        <Form.Item name="campaignId" label={t(om.campaign)}>
          <Select allowClear placeholder={t(om.optional)} options={campaigns.options} loading={campaigns.loading} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      ) : null}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="reportsChecked" label={t(om.reportsChecked)} rules={[count(om.reportsChecked)]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="untrueReports"
            label={t(om.untrueReports)}
            dependencies={['reportsChecked', 'fakeReports']}
            rules={[
              count(om.untrueReports),
              ({ getFieldValue }) => ({
                validator: async (_: unknown, untrue?: number | null) => {
                  const checked = getFieldValue('reportsChecked') as number | null | undefined;
                  const fake = (getFieldValue('fakeReports') as number | null | undefined) ?? 0;
                  if (typeof checked === 'number' && (untrue ?? 0) + fake > checked) throw new Error(t(om.tooMany));
                },
              }),
            ]}
          >
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="fakeReports" label={t(om.fakeReports)} rules={[count(om.fakeReports)]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="findings" label={t(om.findings)} rules={[required(om.findings), { max: 2000 }]}>
        <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t(om.findingsPlaceholder)} />
      </Form.Item>
    </FormDrawer>
  );
}
