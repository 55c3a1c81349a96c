import { useState } from 'react';
import { Alert, App, AutoComplete, DatePicker, Descriptions, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIMIT_KIND_LABELS } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { instrumentsApi, labApi } from '../../api/endpoints';
import type { SampleDetailView, SampleTestView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { ValidityBadge } from '../instruments/ValidityBadge';
import { limitLabel, valueWithUnit } from './limits';
import { lm } from './messages';
import { beijingToday } from '../../shared/format';

type Values = { value: string; instrumentId: string; testedOn: string; reason?: string };

/** The institution's instruments in use, with their verification badge; the server refuses one not verified on the test date. */
function useInstrumentOptions(enabled: boolean) {
  const instruments = useQuery({
    queryKey: ['instruments', 'in-use'],
    queryFn: () => instrumentsApi.list({ status: 'in_use', pageSize: 100, sort: 'name' }),
    enabled,
  });
  const options = (instruments.data?.items ?? []).map((i) => ({
    value: i.id,
    search: `${i.name} ${i.serialNumber} ${i.model}`,
    label: (
      <Flex justify="space-between" gap={12}>
        <span>
          {i.name} <span className="mono secondary-text">{i.serialNumber}</span>
        </span>
        <ValidityBadge instrument={i} />
      </Flex>
    ),
  }));
  return { options, loading: instruments.isPending && enabled };
}

/**
 * Enters a result, or corrects one as a new version with a reason. The server
 * judges the value against the limit and refuses an instrument whose
 * verification does not cover the test date (INSTRUMENT_NOT_VERIFIED).
 */
export function ResultModal({ sample, test, onClose }: { sample: SampleDetailView; test: SampleTestView | null; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const instruments = useInstrumentOptions(Boolean(test));
  const correcting = Boolean(test?.result);
  const receivedOn = dayjs(sample.receivedAt).startOf('day');

  const save = useMutation({
    mutationFn: (v: Values) => labApi.enterResult(sample.id, test!.id, { value: v.value.trim(), instrumentId: v.instrumentId, testedOn: v.testedOn, reason: correcting ? v.reason?.trim() : undefined }),
    onSuccess: (detail) => {
      client.setQueryData(['lab', 'sample', sample.id], detail);
      void client.invalidateQueries({ queryKey: ['lab', 'samples'] });
      const saved = detail.tests.find((x) => x.id === test!.id)?.result;
      void message.success(t(correcting ? lm.resultCorrected : lm.resultSaved, { value: saved ? valueWithUnit(saved.value, saved.unit) : '' }));
      onClose();
    },
    onError: (e) => {
      setFailure(null);
      showFormError(form, e, setFailure);
      // The instrument refusal names the instrument, its validity and the rule: show all of it, not only the field note.
      if (e instanceof ApiError && e.code === 'INSTRUMENT_NOT_VERIFIED') setFailure(e.message);
    },
  });

  if (!test) return null;
  const textLimit = test.limitKind === 'text';
  const initialValues: Partial<Values> = {
    testedOn: dayjs(beijingToday()).format('YYYY-MM-DD'),
    instrumentId: test.result?.instrumentId,
  };

  return (
    <Modal
      title={t(correcting ? lm.correctTitle : lm.enterTitle, { parameter: test.parameter })}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(correcting ? lm.correctSubmit : lm.enterSubmit)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      width={620}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        className="form-alert"
        items={[
          { key: 'std', label: t(lm.standard), children: <span className="mono">{test.standard}</span> },
          { key: 'limit', label: t(lm.requirement), children: `${limitLabel(test)}（${t(LIMIT_KIND_LABELS[test.limitKind])}）` },
          ...(test.result ? [{ key: 'current', label: t(lm.currentResult), children: `${valueWithUnit(test.result.value, test.result.unit)} · v${test.result.version}` }] : []),
        ]}
      />
      {failure ? <Alert type="error" showIcon className="form-alert" role="alert" title={failure} /> : null}
      <Form name="result" form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} onValuesChange={() => setFailure(null)} preserve={false}>
        <Form.Item
          name="value"
          label={t(lm.resultValue)}
          extra={textLimit ? t(lm.textResultHint) : test.unit ? t(lm.unitHint, { unit: test.unit }) : undefined}
          rules={[{ required: true, whitespace: true, message: t(lm.valueRequired) }, { max: 60 }]}
        >
          {textLimit ? (
            <AutoComplete options={[{ value: '符合' }, { value: '不符合' }]} maxLength={60} />
          ) : (
            <Input maxLength={60} inputMode="decimal" suffix={test.unit || undefined} autoComplete="off" />
          )}
        </Form.Item>
        <Form.Item name="instrumentId" label={t(lm.instrument)} rules={[{ required: true, message: t(lm.instrumentRequired) }]}>
          <Select options={instruments.options} loading={instruments.loading} showSearch={{ optionFilterProp: 'search' }} placeholder={t(lm.instrumentPlaceholder)} />
        </Form.Item>
        <Form.Item name="testedOn" label={t(lm.testedOn)} rules={[{ required: true, message: t(lm.testedOnRequired) }]} {...isoDateField}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day')) || d.isBefore(receivedOn)} />
        </Form.Item>
        {correcting ? (
          <Form.Item name="reason" label={t(lm.correctionReason)} rules={[{ required: true, whitespace: true, message: t(lm.correctionReasonRequired) }, { max: 300 }]}>
            <Input.TextArea rows={2} maxLength={300} showCount />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
