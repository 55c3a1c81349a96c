import { Alert, App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RECALL_MEASURES, RISK_LEVEL_LABELS, RISK_LEVELS } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT, type Label } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { keys, recallsApi, type RecallMeasure, type RecallView, type RiskLevel } from './api';
import { MEASURE_LABELS, rm } from './messages';
import { beijingToday } from '../../shared/format';

/** After a step: the detail shows the answer at once, the list refetches. */
function useRecallStep<V>(recall: RecallView, form: FormInstance<V>, call: (v: V) => Promise<RecallView>, done: Label, onDone: () => void, onError?: (e: unknown) => void) {
  const t = useT();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  return useMutation({
    mutationFn: call,
    onSuccess: (updated) => {
      client.setQueryData(keys.one(recall.id), updated);
      void client.invalidateQueries({ queryKey: keys.list });
      void message.success(t(done));
      onDone();
    },
    onError: onError ?? ((e) => showFormError(form, e, (text) => void modal.error({ title: t(rm.actionFailed), content: text }))),
  });
}

const modalProps = (t: (l: Label) => string) => ({
  okText: t(common.confirm),
  cancelText: t(common.cancel),
  okButtonProps: { autoInsertSpace: false },
  cancelButtonProps: { autoInsertSpace: false },
  destroyOnHidden: true,
  width: 600,
});

type AssessValues = { riskLevel: RiskLevel; recallRequired: boolean; conclusion: string };

/** 风险评估: the regulator's risk level, whether a recall is needed, and why. */
export function AssessModal({ recall, onClose }: { recall: RecallView; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, rm.required);
  const [form] = Form.useForm<AssessValues>();
  const save = useRecallStep(recall, form, (v: AssessValues) => recallsApi.assess(recall.id, { ...v, conclusion: v.conclusion.trim() }), rm.assessed, onClose);
  return (
    <Modal open title={t(rm.assessTitle, { no: recall.recallNo })} {...modalProps(t)} confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose}>
      <Alert type="info" showIcon className="form-alert" title={t(rm.assessText)} />
      <Form<AssessValues> name="recallAssess" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="riskLevel" label={t(rm.riskLevel)} rules={[{ required: true, message: t(rm.chooseRequired, { field: t(rm.riskLevel) }) }]}>
          <Radio.Group optionType="button" options={RISK_LEVELS.map((l) => ({ value: l, label: t(RISK_LEVEL_LABELS[l]) }))} />
        </Form.Item>
        <Form.Item name="recallRequired" label={t(rm.recallRequired)} rules={[{ required: true, message: t(rm.chooseRequired, { field: t(rm.recallRequired) }) }]}>
          <Radio.Group
            options={[
              { value: true, label: t(rm.recallRequiredYes) },
              { value: false, label: t(rm.recallRequiredNo) },
            ]}
          />
        </Form.Item>
        <Form.Item name="conclusion" label={t(rm.conclusion)} rules={[required(rm.conclusion), { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type PlanValues = { scope: string; measures: RecallMeasure[]; quantityTotal: number | null; startsOn: string; endsOn: string };

/** 召回计划备案: scope, measures, how many units, and the period. */
export function PlanDrawer({ recall, open, onClose }: { recall: RecallView; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, rm.required);
  const [form] = Form.useForm<PlanValues>();
  const formError = useFormError(form);
  const save = useRecallStep(
    recall,
    form,
    (v: PlanValues) => recallsApi.plan(recall.id, { scope: v.scope.trim(), measures: v.measures, quantityTotal: v.quantityTotal ?? 0, startsOn: v.startsOn, endsOn: v.endsOn }),
    rm.planned,
    onClose,
    formError.show,
  );
  const choose = (label: Label) => ({ required: true, message: t(rm.chooseRequired, { field: t(label) }) });
  return (
    <FormDrawer<PlanValues>
      name="recallPlan"
      title={t(rm.planTitle, { no: recall.recallNo })}
      open={open}
      onClose={onClose}
      size={600}
      form={form}
      formError={formError}
      saving={save.isPending}
      saveText={t(rm.planSave)}
      initialValues={{ measures: [], startsOn: dayjs(beijingToday()).format('YYYY-MM-DD') }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="scope" label={t(rm.scope)} rules={[required(rm.scope), { max: 1000 }]}>
        <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t(rm.scopePlaceholder)} />
      </Form.Item>
      <Form.Item name="measures" label={t(rm.measures)} rules={[{ type: 'array', min: 1, required: true, message: t(rm.measuresRequired) }]}>
        <Checkbox.Group options={RECALL_MEASURES.map((m) => ({ value: m, label: t(MEASURE_LABELS[m]) }))} />
      </Form.Item>
      <Form.Item name="quantityTotal" label={t(rm.quantityTotal)} rules={[{ required: true, type: 'integer', min: 1, max: 100_000_000, message: t(rm.quantityTotalInvalid) }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="startsOn" label={t(rm.startsOn)} rules={[choose(rm.startsOn)]} {...isoDateField}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="endsOn"
            label={t(rm.endsOn)}
            dependencies={['startsOn']}
            {...isoDateField}
            rules={[
              choose(rm.endsOn),
              ({ getFieldValue }) => ({
                validator: async (_: unknown, value?: string) => {
                  const starts = getFieldValue('startsOn') as string | undefined;
                  if (value && starts && value < starts) throw new Error(t(rm.endsBeforeStart));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}

type ProgressValues = { reportedOn: string; quantityRecalled: number | null; note?: string };

/** 报告召回进展: the cumulative number recalled by a day; reaching the total completes the recall. */
export function ProgressModal({ recall, onClose }: { recall: RecallView; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ProgressValues>();
  const save = useRecallStep(
    recall,
    form,
    (v: ProgressValues) => recallsApi.progress(recall.id, { reportedOn: v.reportedOn, quantityRecalled: v.quantityRecalled ?? 0, note: v.note?.trim() ?? '' }),
    rm.progressSaved,
    onClose,
  );
  const total = recall.quantityTotal;
  return (
    <Modal open title={t(rm.progressModalTitle, { no: recall.recallNo })} {...modalProps(t)} confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose}>
      <Alert type="info" showIcon className="form-alert" title={t(rm.progressHint, { done: recall.quantityRecalled, total: total ?? '—' })} />
      <Form<ProgressValues>
        name="recallProgress"
        form={form}
        layout="vertical"
        initialValues={{ reportedOn: dayjs(beijingToday()).format('YYYY-MM-DD'), quantityRecalled: recall.quantityRecalled }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="reportedOn" label={t(rm.reportedOnField)} rules={[{ required: true, message: t(rm.chooseRequired, { field: t(rm.reportedOnField) }) }]} {...isoDateField}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day'))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="quantityRecalled"
              label={t(rm.quantityRecalled)}
              rules={[
                { required: true, message: t(rm.required, { field: t(rm.quantityRecalled) }) },
                { type: 'integer', min: recall.quantityRecalled, message: t(rm.quantityRecalledMin, { n: recall.quantityRecalled }) },
                ...(total !== null ? [{ type: 'integer' as const, max: total, message: t(rm.quantityRecalledMax, { n: total }) }] : []),
              ]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t(rm.note)} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
