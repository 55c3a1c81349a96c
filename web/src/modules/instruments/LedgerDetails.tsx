import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Row, Select, Skeleton } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INSTRUMENT_PURPOSE_LABELS, INSTRUMENT_PURPOSES } from '@shijian/contracts';
import { useT, type Label } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { requiredRule } from '../../shared/rules';
import { QueryError } from '../../shared/ui';
import { compulsoryLabel, ledgerApi, ledgerKeys, type CompulsoryItemView, type InstrumentPurpose, type LedgerDetailsView } from './ledgerApi';
import { ins } from './messages';

const MODE_LABELS: Record<CompulsoryItemView['mode'], Label> = {
  P: { zh: '型式批准', en: 'Pattern approval' },
  V: { zh: '强制检定', en: 'Compulsory verification' },
  'P+V': { zh: '型式批准 + 强制检定', en: 'Pattern approval and verification' },
};

type Values = { category: string; accuracyClass?: string; location?: string; purpose?: InstrumentPurpose; quantity?: number | null; compulsoryItemId?: string | null };

export function useCompulsoryCatalogue(enabled = true) {
  return useQuery({ queryKey: ledgerKeys.compulsory, queryFn: ledgerApi.compulsoryCatalogue, staleTime: Infinity, enabled });
}

/** 登记台账信息: the e-CQS fields of one instrument, with its item of the compulsory-verification catalogue. */
function LedgerForm({ instrumentId, details, open, onClose }: { instrumentId: string; details: LedgerDetailsView | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, ins.required);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const catalogue = useCompulsoryCatalogue(open);
  const pickedId = Form.useWatch('compulsoryItemId', form);
  const picked = catalogue.data?.find((c) => c.id === pickedId);
  const save = useMutation({
    mutationFn: (v: Values) =>
      ledgerApi.setDetails(instrumentId, {
        category: v.category.trim(),
        accuracyClass: v.accuracyClass?.trim() ?? '',
        location: v.location?.trim() ?? '',
        purpose: v.purpose as InstrumentPurpose,
        quantity: v.quantity ?? 0,
        compulsoryItemId: v.compulsoryItemId ?? null,
      }),
    onSuccess: (saved) => {
      client.setQueryData(ledgerKeys.details(instrumentId), saved);
      void message.success(t(ins.ledgerSaved));
      onClose();
    },
    onError: formError.show,
  });
  return (
    <FormDrawer<Values>
      title={t(ins.ledgerEdit)}
      open={open}
      onClose={onClose}
      size={600}
      form={form}
      formError={formError}
      saving={save.isPending}
      name="ledgerDetails"
      formKey={details?.updatedAt ?? 'new'}
      initialValues={
        details
          ? { category: details.category, accuracyClass: details.accuracyClass, location: details.location, purpose: details.purpose, quantity: details.quantity, compulsoryItemId: details.compulsoryItemId }
          : { quantity: 1 }
      }
      onFinish={(v) => save.mutate(v)}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="category" label={t(ins.category)} rules={[required(ins.category), { max: 50 }]}>
            <Input maxLength={50} placeholder={t(ins.categoryPlaceholder)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="accuracyClass" label={t(ins.accuracyClass)} rules={[{ max: 50 }]}>
            <Input maxLength={50} placeholder="±0.2 ℃" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="purpose" label={t(ins.purpose)} rules={[{ required: true, message: t(ins.chooseRequired, { field: t(ins.purpose) }) }]}>
            <Select options={INSTRUMENT_PURPOSES.map((p) => ({ value: p, label: INSTRUMENT_PURPOSE_LABELS[p] }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="quantity" label={t(ins.quantity)} rules={[{ required: true, type: 'integer', min: 1, max: 100_000, message: t(ins.quantityRequired) }]}>
            <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="location" label={t(ins.location)} rules={[{ max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="compulsoryItemId"
        label={t(ins.compulsoryItem)}
        extra={picked ? t(ins.compulsoryScope, { scope: picked.scope, mode: t(MODE_LABELS[picked.mode]) }) : t(ins.compulsoryItemHint)}
      >
        <Select
          allowClear
          placeholder={t(ins.compulsoryNone)}
          loading={catalogue.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(catalogue.data ?? []).map((c) => ({ value: c.id, label: `${compulsoryLabel(t, c)} ${c.kinds.join('、')}` }))}
        />
      </Form.Item>
    </FormDrawer>
  );
}

/** The e-CQS card of the instrument page: what the owner recorded, and the form to record or change it. */
export function LedgerCard({ instrumentId, writable }: { instrumentId: string; writable: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const details = useQuery({ queryKey: ledgerKeys.details(instrumentId), queryFn: () => ledgerApi.details(instrumentId) });
  const catalogue = useCompulsoryCatalogue(Boolean(details.data?.compulsoryItemId));
  const item = catalogue.data?.find((c) => c.id === details.data?.compulsoryItemId);
  const d = details.data;
  return (
    <Card
      title={t(ins.ledgerTitle)}
      className="detail-card"
      extra={
        writable && !details.isPending ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(ins.ledgerEdit)}
          </Button>
        ) : null
      }
    >
      {details.isPending ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      {details.isError ? <QueryError error={details.error} onRetry={() => void details.refetch()} /> : null}
      {details.isSuccess && !d ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(ins.ledgerEmpty)} /> : null}
      {d ? (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          data-testid="ledger-details"
          items={[
            { key: 'category', label: t(ins.category), children: d.category },
            { key: 'accuracy', label: t(ins.accuracyClass), children: d.accuracyClass || '—' },
            { key: 'purpose', label: t(ins.purpose), children: INSTRUMENT_PURPOSE_LABELS[d.purpose] },
            { key: 'quantity', label: t(ins.quantity), children: d.quantity },
            { key: 'location', label: t(ins.location), children: d.location || '—' },
            {
              key: 'compulsory',
              label: t(ins.compulsoryItem),
              children: d.compulsoryItem ? (item ? compulsoryLabel(t, item) : d.compulsoryItem) : t(ins.compulsoryNone),
            },
            { key: 'updated', label: t(ins.updatedAt), children: formatDateTime(d.updatedAt) },
          ]}
        />
      ) : null}
      {writable && details.isSuccess ? <LedgerForm instrumentId={instrumentId} details={d ?? null} open={editing} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
