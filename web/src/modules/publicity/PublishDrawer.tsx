import { useDeferredValue, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CASE_STAGE_LABELS } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { keys, publicityApi, type CaseView } from './api';
import { pm } from './messages';
import { prefillFromCase } from './prefill';
import { beijingToday } from '../../shared/format';

type Values = { caseId?: string; title: string; summary: string; violation: string; legalBasis: string; penalty: string; publishedOn: string };

/**
 * 发布典型案例: pick a decided case of the region (from the cases API), start from its facts, rewrite
 * them for the public. The server checks stage, scope and that the case is not already published.
 */
export function PublishDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, pm.required);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [chosen, setChosen] = useState<CaseView | null>(null);
  const candidates = useQuery({ queryKey: [...keys.candidates, deferred], queryFn: () => publicityApi.candidates(deferred), enabled: open });
  const existing = useQuery({ queryKey: keys.activeFor(chosen?.id ?? ''), queryFn: () => publicityApi.activeFor(chosen!.id), enabled: Boolean(chosen) });
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');

  const save = useMutation({
    mutationFn: (v: Values) =>
      publicityApi.publish({
        caseId: v.caseId!,
        title: v.title.trim(),
        summary: v.summary.trim(),
        violation: v.violation.trim(),
        legalBasis: v.legalBasis.trim(),
        penalty: v.penalty.trim(),
        publishedOn: v.publishedOn,
      }),
    onSuccess: (done) => {
      void client.invalidateQueries({ queryKey: keys.all });
      void message.success(t(pm.published, { title: done.title }));
      close();
    },
    onError: formError.show,
  });

  function close() {
    setChosen(null);
    setSearch('');
    onClose();
  }

  function pick(caseId: string | undefined) {
    const c = candidates.data?.find((x) => x.id === caseId) ?? null;
    setChosen(c);
    if (c) form.setFieldsValue(prefillFromCase(c));
  }

  const options = (candidates.data ?? []).map((c) => ({
    value: c.id,
    label: (
      <span>
        <span className="mono">{c.caseNo}</span> {c.partyName} <Tag>{t(CASE_STAGE_LABELS[c.stage])}</Tag>
      </span>
    ),
  }));
  // The chosen case stays selectable while another search is on screen.
  if (chosen && !options.some((o) => o.value === chosen.id)) options.unshift({ value: chosen.id, label: <span className="mono">{chosen.caseNo}</span> });

  return (
    <FormDrawer<Values>
      title={t(pm.publish)}
      open={open}
      onClose={close}
      size={680}
      form={form}
      formError={formError}
      saving={save.isPending}
      saveText={t(pm.publishSave)}
      name="typicalCase"
      initialValues={{ publishedOn: today }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="caseId" label={t(pm.pickCase)} extra={t(pm.pickCaseHint)} rules={[{ required: true, message: t(pm.chooseRequired, { field: t(pm.pickCase) }) }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          allowClear
          placeholder={t(pm.pickCasePlaceholder)}
          loading={candidates.isFetching}
          notFoundContent={candidates.isFetching ? t(pm.casesLoading) : t(pm.noCandidates)}
          options={options}
          onChange={(value: string | undefined) => pick(value)}
        />
      </Form.Item>
      {existing.data ? <Alert type="error" showIcon className="form-alert" title={t(pm.alreadyPublished, { title: existing.data.title })} /> : null}
      {chosen && !existing.data ? (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={t(pm.prefilled)}
          description={chosen.decisionNo ? <Typography.Text type="secondary">{`${chosen.decisionNo}（${chosen.decidedOn ?? ''}）`}</Typography.Text> : null}
        />
      ) : null}
      <Form.Item name="title" label={t(pm.caseTitle)} rules={[required(pm.caseTitle), { max: 100 }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="summary" label={t(pm.summary)} rules={[required(pm.summary), { max: 3000 }]}>
        <Input.TextArea rows={5} maxLength={3000} showCount />
      </Form.Item>
      <Form.Item name="violation" label={t(pm.violation)} rules={[required(pm.violation), { max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t(pm.violationPlaceholder)} />
      </Form.Item>
      <Form.Item name="legalBasis" label={t(pm.legalBasis)} rules={[required(pm.legalBasis), { max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t(pm.legalBasisPlaceholder)} />
      </Form.Item>
      <Form.Item name="penalty" label={t(pm.penalty)} rules={[required(pm.penalty), { max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item
        name="publishedOn"
        label={t(pm.publishedOn)}
        extra={t(pm.publishedOnHint)}
        rules={[
          { required: true, message: t(pm.chooseRequired, { field: t(pm.publishedOn) }) },
          {
            validator: async (_: unknown, on?: string | null) => {
              if (on && on > today) throw new Error(t(pm.publishedOnFuture));
              if (on && chosen?.decidedOn && on < chosen.decidedOn) throw new Error(t(pm.publishedOnBeforeDecision, { date: chosen.decidedOn }));
            },
          },
        ]}
        {...isoDateField}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
    </FormDrawer>
  );
}
