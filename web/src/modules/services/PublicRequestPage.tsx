import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Flex, Form, Input, InputNumber, Result, Row, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { LangSwitch } from '../../app/LangSwitch';
import { UiProvider } from '../../app/UiProvider';
import { showFormError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { requiredRule } from '../../shared/rules';
import { QueryError } from '../../shared/ui';
import { publicServicesApi, type ServiceItemView, type ServiceRequestCreated, type ServiceRequestLineView, type ServiceRequestView } from './api';
import { wm } from './messages';
import { GreenTag, ItemFeatures, KindTag, ResponseClock, StatusTag, Yuan } from './parts';

// Kept apart from the signed-in shell: anyone may ask for a service and follow it with its number and code.
const m = {
  title: { zh: '技术服务申请', en: 'Request a technical service' },
  intro: {
    zh: '无需注册：从服务目录选择同一机构的项目提交申请，凭申请编号和查询码查看办理进度。涉疫项目走绿色通道，24 小时内响应。',
    en: 'No account needed: pick items of one institution from the catalogue, submit, and follow the request with its number and code. Epidemic work goes through the 24-hour green channel.',
  },
  tabApply: { zh: '申请服务', en: 'Request' },
  tabStatus: { zh: '查询进度', en: 'Progress' },
  search: { zh: '项目名称、参数或标准号', en: 'Item, parameter or standard' },
  searchEmpty: { zh: '没有符合条件的服务项目', en: 'No item matches' },
  pickHint: { zh: '勾选同一机构的服务项目', en: 'Tick items of one institution' },
  requesterName: { zh: '申请单位或个人', en: 'Organisation or person 申请单位' },
  submitted: { zh: '申请已提交', en: 'Request submitted' },
  keepCode: { zh: '请记下申请编号和查询码，凭二者查看办理进度；查询码只显示这一次。', en: 'Note the number and the code: together they show the progress. The code is shown only this once.' },
  accessCode: { zh: '查询码', en: 'Access code 查询码' },
  followIt: { zh: '查看进度', en: 'See progress' },
  another: { zh: '再提交一份', en: 'Submit another' },
  noRequired: { zh: '请输入申请编号', en: 'Enter the request number' },
  codeRequired: { zh: '请输入查询码', en: 'Enter the access code' },
  lookup: { zh: '查询', en: 'Look up' },
  toLogin: { zh: '登录平台', en: 'Sign in' },
  catalogue: { zh: '服务目录（公开）', en: 'Public catalogue' },
  chain: { zh: '已由 {from} 转介至 {to}：{reason}', en: 'Referred from {from} to {to}: {reason}' },
};

type ApplyValues = { requesterName: string; quantities: Record<string, number | null>; epidemicRelated: boolean; description?: string; contactName: string; contactPhone: string };

const PHONE = /^[0-9+\-\s]{5,20}$/;

function ApplyForm({ onCreated }: { onCreated: (c: ServiceRequestCreated) => void }) {
  const t = useT();
  const required = requiredRule(t, wm.required);
  const [form] = Form.useForm<ApplyValues>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<ServiceItemView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const catalogue = useQuery({ queryKey: ['public-catalogue', q, page], queryFn: () => publicServicesApi.catalogue({ q: q || undefined, page, pageSize: 10 }) });
  const institution = picked[0] ? { id: picked[0].institutionId, name: picked[0].institutionName } : null;
  const submit = useMutation({
    mutationFn: (v: ApplyValues) =>
      publicServicesApi.submit({
        institutionId: institution!.id,
        requesterName: v.requesterName.trim(),
        lines: picked.map((p) => ({ itemId: p.id, quantity: v.quantities?.[p.id] ?? 1 })),
        epidemicRelated: Boolean(v.epidemicRelated),
        description: v.description?.trim() ?? '',
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
      }),
    onSuccess: onCreated,
    onError: (e) => showFormError(form, e, setError),
  });
  const columns: TableColumnsType<ServiceItemView> = [
    { title: t(wm.institution), dataIndex: 'institutionName', width: 200 },
    { title: t(wm.kind), dataIndex: 'kind', width: 110, render: (k: ServiceItemView['kind']) => <KindTag kind={k} /> },
    { title: t(wm.item), dataIndex: 'name' },
    { title: t(wm.fee), dataIndex: 'feeYuan', width: 110, align: 'right', render: (v: string) => <Yuan value={v} /> },
    { title: t(wm.features), key: 'features', width: 120, render: (_, row) => <ItemFeatures item={row} /> },
  ];
  const epidemicRelated = Form.useWatch('epidemicRelated', form);
  const green = picked.some((p) => p.epidemic) || Boolean(epidemicRelated);

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t(m.search)}
        aria-label={t(m.search)}
        enterButton={<SearchOutlined />}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
      />
      {catalogue.isError ? <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} /> : null}
      <Table<ServiceItemView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={catalogue.data?.items}
        loading={catalogue.isFetching}
        pagination={{ current: page, pageSize: 10, total: catalogue.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.searchEmpty)} /> }}
        rowSelection={{
          hideSelectAll: true,
          selectedRowKeys: picked.map((p) => p.id),
          getCheckboxProps: (row) => ({ disabled: Boolean(institution && row.institutionId !== institution.id), 'aria-label': row.name }),
          onSelect: (row, selected) => setPicked((now) => (selected ? [...now.filter((p) => p.id !== row.id), row] : now.filter((p) => p.id !== row.id))),
        }}
      />
      {!institution ? (
        <Alert type="info" showIcon className="form-alert" title={t(m.pickHint)} description={t(wm.pickOneInstitution)} />
      ) : (
        <Card title={t(wm.requestTitle, { institution: institution.name })} style={{ marginTop: 16 }}>
          {error ? <Alert type="error" showIcon className="form-alert" role="alert" title={error} /> : null}
          <Form<ApplyValues>
            name="publicRequest"
            form={form}
            layout="vertical"
            initialValues={{ epidemicRelated: false, quantities: {} }}
            onValuesChange={() => setError(null)}
            onFinish={(v) => submit.mutate(v)}
          >
            {picked.map((p) => (
              <Form.Item
                key={p.id}
                name={['quantities', p.id]}
                label={`${p.name}（${t(wm.feePerUnit, { fee: p.feeYuan })}）`}
                initialValue={1}
                rules={[{ required: true, type: 'integer', min: 1, max: 100_000, message: t(wm.quantityRequired) }]}
              >
                <InputNumber min={1} max={100_000} precision={0} suffix={t(wm.unit)} aria-label={t(wm.quantityOf, { name: p.name })} />
              </Form.Item>
            ))}
            <Form.Item name="epidemicRelated" valuePropName="checked" extra={t(wm.epidemicRelatedHint)}>
              <Checkbox>{t(wm.epidemicRelated)}</Checkbox>
            </Form.Item>
            {green ? <Alert type="success" showIcon className="form-alert" title={t(wm.greenChannelTitle)} description={t(wm.greenChannelText)} /> : null}
            <Form.Item name="requesterName" label={t(m.requesterName)} rules={[required(m.requesterName), { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="description" label={t(wm.description)} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t(wm.descriptionPlaceholder)} />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="contactName" label={t(wm.contactName)} rules={[required(wm.contactName), { max: 50 }]}>
                  <Input maxLength={50} autoComplete="name" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="contactPhone" label={t(wm.contactPhone)} rules={[required(wm.contactPhone), { pattern: PHONE, message: t(wm.phoneInvalid) }]}>
                  <Input maxLength={20} autoComplete="tel" inputMode="tel" />
                </Form.Item>
              </Col>
            </Row>
            <Flex gap={8}>
              <Button onClick={() => setPicked([])}>{t(wm.clearPicked)}</Button>
              <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submit.isPending}>
                {t(wm.submit)}
              </Button>
            </Flex>
          </Form>
        </Card>
      )}
    </>
  );
}

function Progress({ request }: { request: ServiceRequestView }) {
  const t = useT();
  const columns: TableColumnsType<ServiceRequestLineView> = [
    { title: t(wm.item), dataIndex: 'itemName' },
    { title: t(wm.quantity), dataIndex: 'quantity', width: 90, align: 'right' },
    { title: t(wm.payable), dataIndex: 'payableYuan', width: 110, align: 'right', render: (v: string) => <Yuan value={v} /> },
    {
      title: t(wm.where),
      key: 'where',
      width: 120,
      render: (_, l) => (l.referredToRequestId ? <Tag color="purple">{t(wm.referredTo)}</Tag> : <span className="secondary-text">{t(wm.stillHere)}</span>),
    },
  ];
  return (
    <Card data-testid="public-request-status">
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'no', label: t(wm.requestNo), children: <span className="mono">{request.requestNo}</span> },
          {
            key: 'status',
            label: t(wm.status),
            children: (
              <Flex gap={4} wrap>
                <StatusTag status={request.status} />
                {request.green ? <GreenTag /> : null}
              </Flex>
            ),
          },
          { key: 'institution', label: t(wm.institution), children: request.institutionName },
          { key: 'submitted', label: t(wm.submittedAt), children: formatDateTime(request.submittedAt) },
          { key: 'clock', label: t(wm.clock), children: <ResponseClock request={request} /> },
          { key: 'payable', label: t(wm.fees), children: t(wm.payableAmount, { amount: request.payableYuan }) },
          ...(request.statusNote ? [{ key: 'note', label: t(wm.statusNote), children: request.statusNote }] : []),
          ...request.referrals.map((r) => ({
            key: `${r.fromRequestId}-${r.toRequestId}`,
            label: t(wm.chainTitle),
            children: t(m.chain, { from: r.fromInstitutionName, to: r.toInstitutionName, reason: r.reason }),
          })),
        ]}
      />
      <Table<ServiceRequestLineView> rowKey="id" size="small" columns={columns} dataSource={request.lines} pagination={false} style={{ marginTop: 16 }} />
    </Card>
  );
}

function StatusLookup() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ no: string; code: string }>();
  const no = params.get('no')?.trim() ?? '';
  const code = params.get('code')?.trim() ?? '';
  const status = useQuery({ queryKey: ['public-request-status', no, code], queryFn: () => publicServicesApi.status(no, code), enabled: Boolean(no && code), retry: false, staleTime: 0 });
  return (
    <>
      <Form
        name="publicRequestStatus"
        form={form}
        layout="inline"
        initialValues={{ no, code }}
        onFinish={(v) => setParams({ tab: 'status', no: v.no.trim(), code: v.code.trim() }, { replace: true })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="no" label={t(wm.requestNo)} rules={[{ required: true, whitespace: true, message: t(m.noRequired) }, { max: 40 }]}>
          <Input className="mono" autoComplete="off" maxLength={40} placeholder="FW510107-2026-00001" style={{ width: 230 }} />
        </Form.Item>
        <Form.Item name="code" label={t(m.accessCode)} rules={[{ required: true, whitespace: true, message: t(m.codeRequired) }, { max: 20 }]}>
          <Input className="mono" autoComplete="off" maxLength={20} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={status.isFetching}>
            {t(m.lookup)}
          </Button>
        </Form.Item>
      </Form>
      {status.isError ? <QueryError error={status.error} /> : null}
      {status.data ? <Progress request={status.data} /> : null}
    </>
  );
}

function PublicRequest() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [created, setCreated] = useState<ServiceRequestCreated | null>(null);
  const { message } = App.useApp();
  const tab = params.get('tab') === 'status' ? 'status' : 'apply';
  const follow = (c: ServiceRequestCreated) => setParams({ tab: 'status', no: c.requestNo, code: c.accessCode ?? '' }, { replace: true });
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams(key === 'status' ? { tab: 'status' } : {}, { replace: true })}
      items={[
        {
          key: 'apply',
          label: t(m.tabApply),
          children: created ? (
            <Result
              status="success"
              title={t(m.submitted)}
              subTitle={t(m.keepCode)}
              extra={[
                <Button key="follow" type="primary" onClick={() => follow(created)}>
                  {t(m.followIt)}
                </Button>,
                <Button key="again" onClick={() => setCreated(null)}>
                  {t(m.another)}
                </Button>,
              ]}
            >
              <Descriptions
                bordered
                size="small"
                column={1}
                data-testid="public-request-created"
                items={[
                  { key: 'no', label: t(wm.requestNo), children: <Typography.Text className="mono" copyable>{created.requestNo}</Typography.Text> },
                  { key: 'code', label: t(m.accessCode), children: <Typography.Text className="mono" copyable>{created.accessCode}</Typography.Text> },
                ]}
              />
            </Result>
          ) : (
            <ApplyForm
              onCreated={(c) => {
                setCreated(c);
                void message.success(t(wm.submitted, { no: c.requestNo }));
              }}
            />
          ),
        },
        { key: 'status', label: t(m.tabStatus), children: <StatusLookup key={params.toString()} /> },
      ]}
    />
  );
}

/** /public/service-request: the catalogue's request form and progress lookup for anyone, no login. */
export function PublicRequestPage() {
  const t = useT();
  useEffect(() => {
    document.title = `${t(m.title)} · Shijian 市监`;
  }, [t]);
  return (
    <UiProvider>
      <main className="login-page" style={{ alignItems: 'flex-start' }}>
        <LangSwitch className="login-lang" />
        <div className="login-box" style={{ maxWidth: 1000 }}>
          <div className="login-brand">
            <div className="login-logo" aria-hidden>
              监
            </div>
            <div>
              <h1 className="login-title">{t(m.title)}</h1>
              <div className="login-subtitle">{t(common.appName)}</div>
            </div>
          </div>
          <Typography.Paragraph type="secondary">{t(m.intro)}</Typography.Paragraph>
          <PublicRequest />
          <p className="login-footer">
            <a href="/public/services">{t(m.catalogue)}</a> · <Link to="/login">{t(m.toLogin)}</Link>
          </p>
        </div>
      </main>
    </UiProvider>
  );
}
