import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CASE_STAGE_LABELS, TRANSFER_KIND_LABELS, TRANSFER_KINDS, type CaseStage, type TransferKind } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT, type Label } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { caseKey, casesApi, type CaseDetailView, type CaseTransitionBody } from './api';
import { xm } from './messages';
import { yuanField, YuanInput } from './YuanInput';
import { beijingToday } from '../../shared/format';

type Values = {
  on: string;
  note?: string;
  reason?: string;
  decisionNo?: string;
  decision?: string;
  fineYuan?: string;
  confiscationYuan?: string;
  kind?: TransferKind;
  receivingUnit?: string;
};

type Target = Exclude<CaseStage, 'lead'>;

const DATE_LABELS: Record<Target, Label> = {
  filed: xm.dateFiled,
  not_filed: xm.dateNotFiled,
  investigating: xm.dateInvestigating,
  decided: xm.dateDecided,
  executed: xm.dateExecuted,
  closed: xm.dateClosed,
  transferred: xm.dateTransferred,
};

/** The request for one move; each target takes only its own fields. */
export function transitionBody(to: Target, v: Values): CaseTransitionBody {
  const note = v.note?.trim() ?? '';
  switch (to) {
    case 'not_filed':
      return { to, on: v.on, reason: v.reason ?? '' };
    case 'decided':
      return { to, on: v.on, decisionNo: v.decisionNo ?? '', decision: v.decision ?? '', fineYuan: v.fineYuan || '0', confiscationYuan: v.confiscationYuan || '0' };
    case 'transferred':
      return { to, on: v.on, kind: v.kind ?? 'police', receivingUnit: v.receivingUnit ?? '', note };
    default:
      return { to, on: v.on, note };
  }
}

/** The earliest date a step may carry: not before the step it follows (the server checks the same). */
function notBefore(detail: CaseDetailView, to: Target): string | null {
  switch (to) {
    case 'filed':
    case 'not_filed':
    case 'transferred':
      return detail.leadOn;
    case 'investigating':
    case 'decided':
      return detail.filedOn;
    case 'executed':
      return detail.decidedOn;
    case 'closed':
      return detail.executedOn ?? detail.decidedOn;
  }
}

function TransitionForm({ detail, to, onDone }: { detail: CaseDetailView; to: Target; onDone: (updated: CaseDetailView) => void }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const stage = t(CASE_STAGE_LABELS[to]);
  const move = useMutation({
    mutationFn: (v: Values) => casesApi.transition(detail.id, transitionBody(to, v)),
    onSuccess: (updated) => {
      void message.success(t(xm.moved, { stage }));
      onDone(updated);
    },
    onError: (e) => showFormError(form, e, (text) => void modal.error({ title: t(xm.actionFailed), content: text })),
  });
  const required = requiredRule(t, xm.required);
  const earliest = notBefore(detail, to);

  return (
    <Form<Values>
      name={`transition-${to}`}
      form={form}
      layout="vertical"
      initialValues={{ on: dayjs(beijingToday()).format('YYYY-MM-DD'), kind: 'police', fineYuan: '0', confiscationYuan: '0' }}
      onFinish={(v) =>
        modal.confirm({
          title: t(xm.moveConfirm, { no: detail.caseNo, stage }),
          content: t(xm.moveConfirmText),
          okText: t(xm.moveTo, { stage }),
          cancelText: t(common.cancel),
          onOk: () => move.mutateAsync(v).catch(() => undefined),
        })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="on" label={t(DATE_LABELS[to])} rules={[{ required: true, message: t(xm.dateRequired) }]} {...isoDateField}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day')) || Boolean(earliest && d.isBefore(dayjs(earliest).startOf('day')))}
            />
          </Form.Item>
        </Col>
        {to === 'decided' ? (
          <Col xs={24} md={16}>
            <Form.Item name="decisionNo" label={t(xm.decisionNo)} rules={[required(xm.decisionNo), { max: 100 }]}>
              <Input maxLength={100} placeholder="成市监处罚〔2026〕12号" />
            </Form.Item>
          </Col>
        ) : null}
        {to === 'transferred' ? (
          <>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t(xm.transferKind)} rules={[{ required: true }]}>
                <Radio.Group optionType="button" options={TRANSFER_KINDS.map((k) => ({ value: k, label: t(TRANSFER_KIND_LABELS[k]) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="receivingUnit" label={t(xm.receivingUnit)} rules={[required(xm.receivingUnit), { max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
      {to === 'not_filed' ? (
        <Form.Item name="reason" label={t(xm.notFiledReason)} rules={[required(xm.notFiledReason), { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      ) : null}
      {to === 'decided' ? (
        <>
          <Form.Item name="decision" label={t(xm.decision)} rules={[required(xm.decision), { max: 4000 }]}>
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="fineYuan" label={t(xm.fineYuan)} {...yuanField(t)}>
                <YuanInput />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="confiscationYuan" label={t(xm.confiscationYuan)} {...yuanField(t)}>
                <YuanInput />
              </Form.Item>
            </Col>
          </Row>
        </>
      ) : null}
      {to !== 'not_filed' && to !== 'decided' ? (
        <Form.Item name="note" label={t(xm.note)} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={move.isPending} danger={to === 'not_filed' || to === 'transferred'}>
        {t(xm.moveTo, { stage })}
      </Button>
    </Form>
  );
}

/** The next moves the case allows, one form per target stage. */
export function TransitionCard({ detail }: { detail: CaseDetailView }) {
  const t = useT();
  const client = useQueryClient();
  const targets = detail.next.filter((s): s is Target => s !== 'lead');
  const [chosen, setChosen] = useState<Target | undefined>(targets[0]);
  const to = chosen && targets.includes(chosen) ? chosen : targets[0];
  if (!to) return null;
  return (
    <Card title={t(xm.nextStep)} className="detail-card">
      <Alert type="info" showIcon className="form-alert" title={t(xm.nextStepHint)} />
      <Segmented<Target>
        value={to}
        onChange={setChosen}
        options={targets.map((s) => ({ value: s, label: t(CASE_STAGE_LABELS[s]) }))}
        style={{ marginBottom: 16 }}
      />
      <TransitionForm
        key={`${to}-${detail.stage}`}
        detail={detail}
        to={to}
        onDone={(updated) => {
          client.setQueryData(caseKey(detail.id), updated);
          void client.invalidateQueries({ queryKey: ['enforcement'] });
          setChosen(undefined);
        }}
      />
    </Card>
  );
}
