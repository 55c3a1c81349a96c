import { useNavigate } from 'react-router-dom';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RECALL_SOURCE_LABELS, RECALL_SOURCES } from '@shijian/contracts';
import { useT, type Label } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useCategoryOptions } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { normalizeUscc, RegisteredHint, useRegisteredEnterprise, usccRules } from '../enforcement/uscc';
import { keys, paths, recallsApi, type RecallSource } from './api';
import { rm } from './messages';
import { beijingToday } from '../../shared/format';

type Values = {
  source: RecallSource;
  enterpriseUscc: string;
  productName: string;
  productCategory?: string;
  batches?: string;
  defect: string;
  injuries?: number | null;
  reportedOn: string;
};

/**
 * 登记缺陷报告: a producer reports a defect in its own product; a bureau registers a producer's
 * report, an injury report or its own investigation about a producer in its area.
 */
export function ReportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, rm.required);
  const choose = (label: Label) => ({ required: true, message: t(rm.chooseRequired, { field: t(label) }) });
  const session = useSession();
  const enterprise = session.org.kind === 'enterprise';
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  // An enterprise reports for itself: its own registry entries are the only producers offered.
  const own = useQuery({ queryKey: keys.ownEnterprises(session.org.id), queryFn: recallsApi.ownEnterprises, enabled: open && enterprise, staleTime: 5 * 60_000 });
  const uscc = Form.useWatch('enterpriseUscc', form) as string | undefined;
  const registered = useRegisteredEnterprise(uscc, open && !enterprise);
  const categories = useCategoryOptions();
  const ownOnly = own.data?.length === 1 ? own.data[0] : undefined;

  const submit = useMutation({
    mutationFn: (v: Values) =>
      recallsApi.report({
        source: enterprise ? 'enterprise_report' : v.source,
        enterpriseUscc: v.enterpriseUscc,
        productName: v.productName.trim(),
        productCategory: v.productCategory || undefined,
        batches: v.batches?.trim() ?? '',
        defect: v.defect.trim(),
        injuries: v.injuries ?? 0,
        reportedOn: v.reportedOn,
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: keys.all });
      void message.success(t(rm.reported, { no: created.recallNo }));
      onClose();
      navigate(paths.one(created.id));
    },
    onError: formError.show,
  });

  return (
    <FormDrawer<Values>
      name="recallReport"
      title={t(rm.reportTitle)}
      open={open}
      onClose={onClose}
      size={640}
      form={form}
      formError={formError}
      saving={submit.isPending}
      saveText={t(rm.reportSave)}
      // The form remounts once the enterprise's own entry has loaded, so it starts chosen.
      formKey={ownOnly?.uscc ?? 'report'}
      initialValues={{
        source: enterprise ? 'enterprise_report' : 'injury_report',
        enterpriseUscc: ownOnly?.uscc,
        injuries: 0,
        reportedOn: dayjs(beijingToday()).format('YYYY-MM-DD'),
      }}
      onFinish={(v) => submit.mutate(v)}
    >
      <Alert type="info" showIcon className="form-alert" title={t(enterprise ? rm.reportHintEnterprise : rm.reportHintRegulator)} />
      {enterprise ? null : (
        <Form.Item name="source" label={t(rm.source)} rules={[choose(rm.source)]}>
          <Radio.Group optionType="button" options={RECALL_SOURCES.map((s) => ({ value: s, label: t(RECALL_SOURCE_LABELS[s]) }))} />
        </Form.Item>
      )}
      {enterprise ? (
        <Form.Item name="enterpriseUscc" label={t(rm.ownEnterprise)} rules={[choose(rm.producer)]}>
          <Select loading={own.isPending} options={(own.data ?? []).map((e) => ({ value: e.uscc, label: `${e.name}（${e.uscc}）` }))} />
        </Form.Item>
      ) : (
        <Form.Item
          name="enterpriseUscc"
          label={`${t(rm.producer)} · ${t(rm.uscc)}`}
          normalize={normalizeUscc}
          validateTrigger={['onChange', 'onBlur']}
          rules={usccRules(t, true)}
          extra={registered.enterprise !== undefined ? <RegisteredHint enterprise={registered.enterprise} notFound={rm.producerNotFound} /> : t(rm.producerUsccHint)}
        >
          <Input className="mono" maxLength={24} autoComplete="off" placeholder="91510107MA6XXXXXXX" />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="productName" label={t(rm.productName)} rules={[required(rm.productName), { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="productCategory" label={t(rm.productCategory)}>
            <Select allowClear options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} placeholder={t(rm.optional)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="batches" label={t(rm.batches)} rules={[{ max: 500 }]}>
        <Input maxLength={500} placeholder={t(rm.batchesPlaceholder)} />
      </Form.Item>
      <Form.Item name="defect" label={t(rm.defect)} rules={[required(rm.defect), { max: 2000 }]}>
        <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t(rm.defectPlaceholder)} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="injuries" label={t(rm.injuries)} rules={[{ type: 'integer', min: 0, max: 100_000_000, message: t(rm.injuriesInvalid) }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="reportedOn" label={t(rm.reportedOnField)} rules={[choose(rm.reportedOnField)]} {...isoDateField}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day'))} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
