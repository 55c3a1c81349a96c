import { useNavigate } from 'react-router-dom';
import { Alert, App, Col, DatePicker, Divider, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { COMPLAINT_CHANNELS, COMPLAINT_KIND_LABELS, COMPLAINT_KINDS } from '@shijian/contracts';
import { useT, type Label } from '../../app/i18n';
import { useCategoryOptions } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { RegionCascader } from '../../shared/RegionCascader';
import { requiredRule } from '../../shared/rules';
import { normalizeUscc, RegisteredHint, useRegisteredEnterprise, usccRules } from '../enforcement/uscc';
import { yuanField, YuanInput } from '../enforcement/YuanInput';
import { complaintsApi, keys, paths, type ComplaintChannel, type ComplaintKind } from './api';
import { cm } from './messages';
import { channelLabel } from './parts';
import { beijingToday } from '../../shared/format';

type Values = {
  kind: ComplaintKind;
  channel: ComplaintChannel;
  receivedOn: string;
  complainantName: string;
  complainantPhone: string;
  targetUscc?: string;
  targetName?: string;
  targetRegionCode?: string;
  productCategory?: string;
  subject: string;
  content: string;
  amountYuan?: string;
};

/** What an officer takes down: by phone, letter or visit. Web submissions come from the portal on their own. */
const STAFF_CHANNELS = COMPLAINT_CHANNELS.filter((c): c is Exclude<ComplaintChannel, 'web'> => c !== 'web');
const PHONE = /^[0-9+\-\s]{5,20}$/;

/**
 * 登记投诉举报: a complaint or report taken by phone, letter or visit. The server sends it to the
 * bureau of the target's region and starts the decision clock from the day received.
 */
export function IntakeDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, cm.required);
  const choose = (label: Label) => ({ required: true, message: t(cm.chooseRequired, { field: t(label) }) });
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const kind = Form.useWatch('kind', form) as ComplaintKind | undefined;
  const uscc = Form.useWatch('targetUscc', form) as string | undefined;
  const registered = useRegisteredEnterprise(uscc, open);
  const found = registered.enterprise ?? null;
  const categories = useCategoryOptions();

  const submit = useMutation({
    mutationFn: (v: Values) =>
      complaintsApi.intake({
        kind: v.kind,
        channel: v.channel,
        receivedOn: v.receivedOn,
        complainantName: v.complainantName.trim(),
        complainantPhone: v.complainantPhone.trim(),
        targetUscc: v.targetUscc || undefined,
        // A registered enterprise is named by the registry; the server takes its name from there.
        targetName: v.targetName?.trim() || found?.name || '',
        targetRegionCode: v.targetRegionCode || undefined,
        productCategory: v.productCategory || undefined,
        subject: v.subject.trim(),
        content: v.content.trim(),
        amountYuan: v.kind === 'complaint' && v.amountYuan ? v.amountYuan : undefined,
      }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: keys.all });
      void message.success(t(cm.registered, { no: created.complaintNo, org: created.handlingOrgName }));
      onClose();
      navigate(paths.one(created.id));
    },
    onError: formError.show,
  });

  return (
    <FormDrawer<Values>
      name="complaintIntake"
      title={t(cm.intakeTitle)}
      open={open}
      onClose={onClose}
      size={720}
      form={form}
      formError={formError}
      saving={submit.isPending}
      saveText={t(cm.intakeSave)}
      initialValues={{ kind: 'complaint', channel: 'phone', receivedOn: dayjs(beijingToday()).format('YYYY-MM-DD') }}
      onFinish={(v) => submit.mutate(v)}
    >
      <Alert type="info" showIcon className="form-alert" title={t(cm.intakeHint)} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t(cm.kind)} rules={[choose(cm.kind)]}>
            <Radio.Group optionType="button" options={COMPLAINT_KINDS.map((k) => ({ value: k, label: t(COMPLAINT_KIND_LABELS[k]) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name="channel" label={t(cm.channel)} rules={[choose(cm.channel)]}>
            <Radio.Group optionType="button" options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(channelLabel(c)) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item name="receivedOn" label={t(cm.receivedOnField)} rules={[choose(cm.receivedOnField)]} {...isoDateField}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day'))} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t(cm.sectionComplainant)}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="complainantName" label={t(cm.complainantName)} rules={[required(cm.complainantName), { max: 50 }]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="complainantPhone"
            label={t(cm.complainantPhone)}
            rules={[required(cm.complainantPhone), { pattern: PHONE, message: t(cm.phoneInvalid) }]}
          >
            <Input maxLength={20} autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t(cm.sectionTarget)}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="targetUscc"
            label={t(cm.targetUscc)}
            normalize={normalizeUscc}
            validateTrigger={['onChange', 'onBlur']}
            rules={usccRules(t, false)}
            extra={registered.enterprise !== undefined ? <RegisteredHint enterprise={registered.enterprise} notFound={cm.targetNotFound} /> : t(cm.targetUsccHint)}
          >
            <Input className="mono" maxLength={24} autoComplete="off" placeholder="91510107MA6XXXXXXX" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="targetName"
            label={t(cm.targetName)}
            required={!found}
            dependencies={['targetUscc']}
            rules={[
              { max: 200 },
              {
                validator: async (_: unknown, value?: string) => {
                  if (!value?.trim() && !found) throw new Error(t(cm.required, { field: t(cm.targetName) }));
                },
              },
            ]}
          >
            <Input maxLength={200} placeholder={found?.name} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="targetRegionCode"
            label={t(cm.targetRegion)}
            required={!found}
            extra={found ? undefined : t(cm.targetRegionHint)}
            dependencies={['targetUscc']}
            rules={[
              {
                validator: async (_: unknown, value?: string) => {
                  if (!value && !found) throw new Error(t(cm.chooseRequired, { field: t(cm.targetRegion) }));
                },
              },
            ]}
          >
            <RegionCascader disabled={Boolean(found)} placeholder={found ? found.regionName : undefined} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="productCategory" label={t(cm.productCategory)}>
            <Select allowClear options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} placeholder={t(cm.optional)} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t(cm.sectionContent)}</Divider>
      <Form.Item name="subject" label={t(cm.subject)} rules={[required(cm.subject), { max: 100 }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="content" label={t(cm.content)} rules={[required(cm.content), { max: 5000 }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t(cm.contentPlaceholder)} />
      </Form.Item>
      {kind === 'complaint' ? (
        <Form.Item name="amountYuan" label={t(cm.amountYuan)} {...yuanField(t)}>
          <YuanInput />
        </Form.Item>
      ) : null}
    </FormDrawer>
  );
}
