import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CASE_SOURCE_LABELS, CASE_SOURCES, VIOLATION_CATEGORIES, VIOLATION_CATEGORY_LABELS, type CaseSource, type ViolationCategory } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT, type Label } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ForbiddenPage } from '../../app/StatusPages';
import { useCategoryOptions } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { PageHeader } from '../../shared/ui';
import { casesApi, lookupApi } from './api';
import { xm } from './messages';
import { normalizeUscc, RegisteredHint, useRegisteredEnterprise, usccRules } from './uscc';
import { beijingToday } from '../../shared/format';

type Values = {
  source: CaseSource;
  campaignId?: string;
  partyUscc?: string;
  partyName?: string;
  productCategory?: string;
  violationCategory: ViolationCategory;
  summary: string;
  leadOn: string;
};

/** 登记线索: the filing clock starts from the lead date. */
export function NewCasePage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const uscc = Form.useWatch('partyUscc', form);
  const registered = useRegisteredEnterprise(uscc);
  const categories = useCategoryOptions();
  const campaigns = useQuery({ queryKey: ['campaigns', 'options'], queryFn: lookupApi.campaigns, enabled: can(session, 'campaign.read'), staleTime: 5 * 60_000 });

  const register = useMutation({
    mutationFn: (v: Values) =>
      casesApi.register({
        source: v.source,
        campaignId: v.campaignId || undefined,
        partyUscc: v.partyUscc || undefined,
        partyName: v.partyName?.trim() || undefined,
        productCategory: v.productCategory || undefined,
        violationCategory: v.violationCategory,
        summary: v.summary,
        leadOn: v.leadOn,
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ['enforcement'] });
      void message.success(t(xm.leadRegistered, { no: created.caseNo }));
      navigate(`/enforcement/cases/${created.id}`);
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });

  if (!can(session, 'case.write')) return <ForbiddenPage />;
  const required = requiredRule(t, xm.required);
  const choose = (label: Label) => ({ required: true, message: t(xm.chooseRequired, { field: t(label) }) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/enforcement/cases')}>
      {t(xm.backToCases)}
    </Button>
  );

  return (
    <>
      <PageHeader title={t(xm.newLeadTitle)} subtitle={t(xm.newLeadSubtitle)} extra={back} />
      <Form<Values>
        name="caseLead"
        form={form}
        layout="vertical"
        initialValues={{ leadOn: dayjs(beijingToday()).format('YYYY-MM-DD'), violationCategory: 'quality' }}
        onFinish={(v) => register.mutate(v)}
      >
        <Card title={t(xm.sectionLead)} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="source" label={t(xm.source)} rules={[choose(xm.source)]}>
                <Select options={CASE_SOURCES.map((s) => ({ value: s, label: t(CASE_SOURCE_LABELS[s]) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="violationCategory" label={t(xm.violationCategory)} rules={[choose(xm.violationCategory)]}>
                <Select options={VIOLATION_CATEGORIES.map((c) => ({ value: c, label: t(VIOLATION_CATEGORY_LABELS[c]) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="leadOn" label={t(xm.leadOn)} rules={[{ required: true, message: t(xm.dateRequired) }]} {...isoDateField}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day'))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="productCategory" label={t(xm.productCategory)}>
                <Select allowClear options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} placeholder={t(xm.campaignPlaceholder)} />
              </Form.Item>
            </Col>
            {can(session, 'campaign.read') ? (
              <Col xs={24} md={12}>
                <Form.Item name="campaignId" label={t(xm.campaign)}>
                  <Select
                    allowClear
                    loading={campaigns.isPending}
                    placeholder={t(xm.campaignPlaceholder)}
                    options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                    showSearch={{ optionFilterProp: 'label' }}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col span={24}>
              <Form.Item name="summary" label={t(xm.summary)} rules={[required(xm.summary), { max: 2000 }]}>
                <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t(xm.summaryPlaceholder)} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t(xm.sectionParty)} className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="partyUscc"
                label={t(xm.partyUscc)}
                normalize={normalizeUscc}
                validateTrigger={['onChange', 'onBlur']}
                rules={usccRules(t, false)}
                extra={registered.enterprise !== undefined ? <RegisteredHint enterprise={registered.enterprise} notFound={xm.partyNotFound} /> : t(xm.partyUsccHint)}
              >
                <Input className="mono" maxLength={24} autoComplete="off" placeholder="91510107MA6XXXXXXX" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="partyName"
                label={t(xm.partyName)}
                extra={t(xm.partyNameHint)}
                dependencies={['partyUscc']}
                rules={[
                  { max: 200 },
                  ({ getFieldValue }) => ({
                    validator: async (_: unknown, value?: string) => {
                      if (value?.trim()) return;
                      const code = getFieldValue('partyUscc') as string | undefined;
                      if (!code) throw new Error(t(xm.partyMissing));
                      if (registered.enterprise === null) throw new Error(t(xm.partyNotFound));
                    },
                  }),
                ]}
              >
                <Input maxLength={200} placeholder={registered.enterprise?.name} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <div className="form-actions">
          <Button type="primary" htmlType="submit" size="large" loading={register.isPending}>
            {t(xm.newLead)}
          </Button>
          <Button size="large" onClick={() => navigate('/enforcement/cases')}>
            {t(common.cancel)}
          </Button>
        </div>
      </Form>
    </>
  );
}
