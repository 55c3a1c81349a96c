import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CASE_CLOCK_LABELS, DISHONESTY_CRITERIA, DISHONESTY_CRITERION_LABELS, type CaseClock, type DishonestyCriterion } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { requiredRule } from '../../shared/rules';
import { caseKey, casesApi, creditApi, type CaseDetailView, type ListingDetailView } from './api';
import { xm } from './messages';
import { yuanField, YuanInput } from './YuanInput';
import { beijingToday } from '../../shared/format';

function useCaseUpdate(detail: CaseDetailView) {
  const client = useQueryClient();
  return (updated: CaseDetailView) => {
    client.setQueryData(caseKey(detail.id), updated);
    void client.invalidateQueries({ queryKey: ['enforcement'] });
  };
}

type ExtensionValues = { days: number; reason: string };

/** An approved extension of the clock that is running now; recorded with approver and reason. */
export function ExtensionModal({ detail, open, onClose }: { detail: CaseDetailView; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, xm.required);
  const { message } = App.useApp();
  const [form] = Form.useForm<ExtensionValues>();
  const session = useSession();
  const update = useCaseUpdate(detail);
  const clock = detail.clock as CaseClock;
  const save = useMutation({
    mutationFn: (v: ExtensionValues) => casesApi.extend(detail.id, { clock, days: v.days, reason: v.reason }),
    onSuccess: (updated) => {
      update(updated);
      void message.success(t(xm.extended, { date: updated.dueOn ?? '—' }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  return (
    <Modal
      open={open}
      title={t(xm.extendTitle, { no: detail.caseNo })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(xm.extend)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={t(xm.extendHint)} />
      <Form<ExtensionValues> name="caseExtension" form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)}>
        <Form.Item label={t(xm.clock)}>
          <Typography.Text strong>{t(CASE_CLOCK_LABELS[clock])}</Typography.Text>
          <Typography.Text type="secondary">
            {' '}
            · {t(xm.dueOn)} {detail.dueOn}
          </Typography.Text>
        </Form.Item>
        <Form.Item name="days" label={t(xm.extensionDays)} extra={t(xm.extensionDaysHint)} rules={[{ required: true, type: 'integer', min: 1, max: 90, message: t(xm.extensionDaysRequired) }]}>
          <InputNumber min={1} max={90} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t(xm.approvedBy)}>
          <Typography.Text>{session.user.displayName}</Typography.Text>
        </Form.Item>
        <Form.Item name="reason" label={t(xm.reason)} rules={[required(xm.reason), { max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type FiguresValues = { unitsInvestigated?: number | null; staffDispatched?: number | null; fineYuan?: string; confiscationYuan?: string; note: string };

/** Units investigated, staff dispatched and, once decided, the amounts: what the statistics count. */
export function FiguresModal({ detail, open, onClose }: { detail: CaseDetailView; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FiguresValues>();
  const update = useCaseUpdate(detail);
  const decided = Boolean(detail.decidedOn);
  const save = useMutation({
    mutationFn: (v: FiguresValues) =>
      casesApi.figures(detail.id, {
        unitsInvestigated: v.unitsInvestigated ?? undefined,
        staffDispatched: v.staffDispatched ?? undefined,
        ...(decided ? { fineYuan: v.fineYuan || '0', confiscationYuan: v.confiscationYuan || '0' } : {}),
        note: v.note,
      }),
    onSuccess: (updated) => {
      update(updated);
      void message.success(t(xm.figuresSaved));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  return (
    <Modal
      open={open}
      title={t(xm.figuresTitle, { no: detail.caseNo })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon className="form-alert" title={t(xm.figuresHint)} />
      <Form<FiguresValues>
        name="caseFigures"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ unitsInvestigated: detail.unitsInvestigated, staffDispatched: detail.staffDispatched, fineYuan: detail.fineYuan, confiscationYuan: detail.confiscationYuan }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="unitsInvestigated" label={t(xm.unitsInvestigated)} rules={[{ type: 'integer', min: 0, max: 100_000 }]}>
          <InputNumber min={0} max={100_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="staffDispatched" label={t(xm.staffDispatched)} rules={[{ type: 'integer', min: 0, max: 1_000_000 }]}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        {decided ? (
          <>
            <Form.Item name="fineYuan" label={t(xm.fineYuan)} {...yuanField(t)}>
              <YuanInput />
            </Form.Item>
            <Form.Item name="confiscationYuan" label={t(xm.confiscationYuan)} {...yuanField(t)}>
              <YuanInput />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label={t(xm.note)} rules={[{ required: true, whitespace: true, message: t(xm.noteRequired) }, { max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ListingValues = { criteria: DishonestyCriterion[]; facts: string; listedOn?: string | null };

/** 列入严重违法失信名单 from a decided case: published at once for three years. */
export function ListingModal({ detail, open, onClose, onListed }: { detail: CaseDetailView; open: boolean; onClose: () => void; onListed: (listing: ListingDetailView) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ListingValues>();
  const save = useMutation({
    mutationFn: (v: ListingValues) => creditApi.create({ caseId: detail.id, criteria: v.criteria, facts: v.facts, listedOn: v.listedOn || undefined }),
    onSuccess: (listing) => {
      void client.invalidateQueries({ queryKey: ['enforcement'] });
      void message.success(t(xm.listed));
      onListed(listing);
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  return (
    <Modal
      open={open}
      width={680}
      title={t(xm.listTitle, { party: detail.partyName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(xm.listOnCredit)}
      okButtonProps={{ danger: true }}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="form-alert" title={t(xm.listWarning)} />
      <Form<ListingValues> name="creditListing" form={form} layout="vertical" preserve={false} initialValues={{ criteria: [], facts: detail.decision ?? '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="criteria" label={t(xm.criteria)} rules={[{ required: true, type: 'array', min: 1, message: t(xm.criteriaRequired) }]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={DISHONESTY_CRITERIA.map((c) => ({ value: c, label: t(DISHONESTY_CRITERION_LABELS[c]) }))} />
        </Form.Item>
        <Form.Item name="facts" label={t(xm.listingFacts)} rules={[{ required: true, whitespace: true, message: t(xm.listingFactsRequired) }, { max: 4000 }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="listedOn" label={t(xm.listedOn)} extra={t(xm.listedOnHint)} {...isoDateField}>
          <DatePicker
            style={{ width: 200 }}
            disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day')) || Boolean(detail.decidedOn && d.isBefore(dayjs(detail.decidedOn).startOf('day')))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
