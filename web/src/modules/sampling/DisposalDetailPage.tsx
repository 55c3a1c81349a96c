import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, Modal, Popconfirm, Result, Row, Skeleton, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT, type Translate } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { isoDateField } from '../../shared/dateField';
import { errorMessage, showFormError } from '../../shared/errors';
import { beijingToday, formatDate } from '../../shared/format';
import { RegionCascader } from '../../shared/RegionCascader';
import { PageHeader, QueryError } from '../../shared/ui';
import { compareDecimal, formatQuantity, isYuan, normalizeYuan, shareText } from '../enforcement/money';
import { normalizeUscc, usccRules } from '../enforcement/uscc';
import { keys, paths, samplingApi, type DisposalFlowView, type DisposalView } from './api';
import { EnterpriseLink } from './DisposalsPage';
import { sm } from './messages';
import { RegionName } from './PlanDetailPage';
import { DisposalStatusTag } from './tags';

/** Form.Item props for a quantity kept as exact decimal text (at most two decimals). */
function quantityField(t: Translate, required: boolean) {
  return {
    normalize: (value: string | undefined) => normalizeYuan(value),
    rules: [
      ...(required ? [{ required: true, message: t(sm.quantityRequired) }] : []),
      {
        validator: async (_: unknown, value: string | undefined) => {
          if (value && !isYuan(value)) throw new Error(t(sm.quantityInvalid));
        },
      },
    ],
  };
}

function useDisposalUpdate(disposal: DisposalView) {
  const client = useQueryClient();
  return (updated: DisposalView) => {
    client.setQueryData(keys.disposal(disposal.id), updated);
    void client.invalidateQueries({ queryKey: keys.all });
  };
}

type EditValues = { enterpriseNotifiedOn?: string | null; measures?: string; quantitySealed?: string; quantityRemoved?: string; unit?: string; recallReference?: string };

function EditModal({ disposal, open, onClose }: { disposal: DisposalView; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const unit = Form.useWatch('unit', form) ?? disposal.unit;
  const update = useDisposalUpdate(disposal);
  const save = useMutation({
    mutationFn: (v: EditValues) =>
      samplingApi.updateDisposal(disposal.id, {
        enterpriseNotifiedOn: v.enterpriseNotifiedOn || undefined,
        measures: v.measures ?? '',
        quantitySealed: v.quantitySealed || undefined,
        quantityRemoved: v.quantityRemoved || undefined,
        unit: v.unit || undefined,
        recallReference: v.recallReference ?? '',
      }),
    onSuccess: (updated) => {
      update(updated);
      void message.success(t(sm.disposalSaved));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  const today = dayjs(beijingToday()).format('YYYY-MM-DD');
  return (
    <Modal
      open={open}
      width={640}
      title={t(sm.editDisposal)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<EditValues>
        name="disposal"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          enterpriseNotifiedOn: disposal.enterpriseNotifiedOn,
          measures: disposal.measures,
          quantitySealed: disposal.quantitySealed ?? undefined,
          quantityRemoved: disposal.quantityRemoved ?? undefined,
          unit: disposal.unit,
          recallReference: disposal.recallReference ?? '',
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="enterpriseNotifiedOn" label={t(sm.notifiedOn)} {...isoDateField}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < disposal.openedOn} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="recallReference" label={t(sm.recallReference)} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="measures" label={t(sm.measures)} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t(sm.measuresPlaceholder)} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={9}>
            <Form.Item name="quantitySealed" label={t(sm.quantitySealed)} {...quantityField(t, false)}>
              <Input inputMode="decimal" maxLength={20} suffix={unit} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name="quantityRemoved" label={t(sm.quantityRemoved)} {...quantityField(t, false)}>
              <Input inputMode="decimal" maxLength={20} suffix={unit} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="unit" label={t(sm.unit)} rules={[{ max: 20 }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

type FlowValues = { buyerName: string; buyerUscc?: string; buyerRegionCode?: string; quantity: string; quantityRecovered?: string; shippedOn?: string | null };

function FlowModal({ disposal, open, onClose }: { disposal: DisposalView; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FlowValues>();
  const update = useDisposalUpdate(disposal);
  const save = useMutation({
    mutationFn: (v: FlowValues) =>
      samplingApi.addFlow(disposal.id, {
        buyerName: v.buyerName,
        buyerUscc: v.buyerUscc || undefined,
        buyerRegionCode: v.buyerRegionCode || undefined,
        quantity: v.quantity,
        quantityRecovered: v.quantityRecovered || '0',
        shippedOn: v.shippedOn || undefined,
      }),
    onSuccess: (updated, v) => {
      update(updated);
      void message.success(t(sm.flowAdded, { buyer: v.buyerName }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  return (
    <Modal
      open={open}
      width={640}
      title={t(sm.addFlowTitle)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(sm.addFlow)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<FlowValues> name="disposalFlow" form={form} layout="vertical" preserve={false} initialValues={{ quantityRecovered: '0' }} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="buyerName" label={t(sm.buyer)} rules={[{ required: true, whitespace: true, message: t(sm.buyerRequired) }, { max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="buyerUscc" label={t(sm.buyerUscc)} normalize={normalizeUscc} validateTrigger={['onChange', 'onBlur']} rules={usccRules(t, false)}>
              <Input className="mono" maxLength={24} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="buyerRegionCode" label={t(sm.buyerRegion)}>
              <RegionCascader anyLevel style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="shippedOn" label={t(sm.shippedOn)} {...isoDateField}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day'))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="quantity" label={t(sm.flowQuantity)} {...quantityField(t, true)}>
              <Input inputMode="decimal" maxLength={20} suffix={disposal.unit} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="quantityRecovered"
              label={t(sm.flowRecovered)}
              dependencies={['quantity']}
              normalize={quantityField(t, false).normalize}
              rules={[
                ...quantityField(t, false).rules,
                ({ getFieldValue }) => ({
                  validator: async (_: unknown, value?: string) => {
                    if (value && compareDecimal(value, getFieldValue('quantity') as string) === 1) throw new Error(t(sm.recoveredTooMany));
                  },
                }),
              ]}
            >
              <Input inputMode="decimal" maxLength={20} suffix={disposal.unit} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function FlowsCard({ disposal, onAdd }: { disposal: DisposalView; onAdd?: () => void }) {
  const t = useT();
  const columns: TableColumnsType<DisposalFlowView> = [
    { title: t(sm.buyer), key: 'buyer', render: (_, f) => <div>{f.buyerName}{f.buyerUscc ? <div className="mono secondary-text">{f.buyerUscc}</div> : null}</div> },
    { title: t(sm.buyerRegion), dataIndex: 'buyerRegionCode', render: (code: string | null) => (code ? <RegionName code={code} /> : '—') },
    { title: t(sm.shippedOn), dataIndex: 'shippedOn', width: 120, render: formatDate },
    { title: t(sm.flowQuantity), dataIndex: 'quantity', align: 'right', render: (q: string) => formatQuantity(q) },
    { title: t(sm.flowRecovered), dataIndex: 'quantityRecovered', align: 'right', render: (q: string) => formatQuantity(q) },
  ];
  return (
    <Card
      title={t(sm.flows)}
      className="detail-card"
      extra={
        onAdd ? (
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
            {t(sm.addFlow)}
          </Button>
        ) : null
      }
    >
      <Table<DisposalFlowView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={disposal.flows}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(sm.flowsEmpty)} /> }}
        summary={() =>
          disposal.flows.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>
                  {t(sm.totals, {
                    shipped: `${formatQuantity(disposal.totalShipped)} ${disposal.unit}`,
                    recovered: `${formatQuantity(disposal.totalRecovered)} ${disposal.unit}`,
                    rate: shareText(disposal.totalRecovered, disposal.totalShipped),
                  })}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Typography.Text strong>{formatQuantity(disposal.totalShipped)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong>{formatQuantity(disposal.totalRecovered)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}

function CloseButton({ disposal }: { disposal: DisposalView }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const update = useDisposalUpdate(disposal);
  const close = useMutation({
    mutationFn: () => samplingApi.closeDisposal(disposal.id),
    onSuccess: (updated) => {
      update(updated);
      void message.success(t(sm.closed));
    },
    onError: (e) => void modal.error({ title: t(sm.actionFailed), content: errorMessage(e) }),
  });
  const ready = Boolean(disposal.enterpriseNotifiedOn && disposal.measures);
  if (!ready) {
    return (
      <Tooltip title={t(sm.closeNeeds)}>
        <Button icon={<CheckOutlined />} disabled>
          {t(sm.close)}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Popconfirm
      title={t(sm.closeConfirm)}
      description={t(sm.closeConfirmText)}
      okText={t(sm.close)}
      cancelText={t(common.cancel)}
      onConfirm={() => close.mutateAsync().catch(() => undefined)}
    >
      <Button type="primary" icon={<CheckOutlined />} loading={close.isPending}>
        {t(sm.close)}
      </Button>
    </Popconfirm>
  );
}

export function DisposalDetailPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [modal, setModal] = useState<'edit' | 'flow' | null>(null);
  const detail = useQuery({ queryKey: keys.disposal(id), queryFn: () => samplingApi.disposal(id) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.disposals)}>
      {t(sm.backToDisposals)}
    </Button>
  );
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(sm.disposalNotFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const d = detail.data;
  const writable = can(session, 'sampling.dispose') && d.status === 'open';
  const qty = (value: string | null) => (value ? `${formatQuantity(value)} ${d.unit}` : '—');
  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span>{t(sm.disposalTitle, { product: d.productName })}</span>
            <DisposalStatusTag status={d.status} />
          </Flex>
        }
        subtitle={`${d.enterpriseName} · ${d.batchNo}`}
        extra={
          <>
            {back}
            {writable ? <CloseButton disposal={d} /> : null}
          </>
        }
      />
      {writable && !(d.enterpriseNotifiedOn && d.measures) ? <Alert type="info" showIcon className="form-alert" title={t(sm.closeNeeds)} /> : null}
      <Card
        title={t(sm.disposalFacts)}
        className="detail-card"
        extra={
          writable ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => setModal('edit')}>
              {t(sm.editDisposal)}
            </Button>
          ) : null
        }
      >
        <Descriptions
          bordered
          styles={{ label: { whiteSpace: 'nowrap' } }}
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'record', label: t(sm.batch), children: <Link to={paths.batch(d.samplingRecordId)} className="mono">{d.recordNo}</Link> },
            { key: 'product', label: t(sm.productName), children: `${d.productName} · ${d.batchNo}` },
            { key: 'enterprise', label: t(sm.enterprise), children: <EnterpriseLink id={d.enterpriseId} name={d.enterpriseName} /> },
            { key: 'opened', label: t(sm.openedOn), children: formatDate(d.openedOn) },
            {
              key: 'notified',
              label: t(sm.notifiedOn),
              children: d.enterpriseNotifiedOn ? formatDate(d.enterpriseNotifiedOn) : <Typography.Text type="warning">{t(sm.notNotified)}</Typography.Text>,
            },
            { key: 'closed', label: t(sm.closedOn), children: formatDate(d.closedOn) },
            { key: 'sealed', label: t(sm.quantitySealed), children: qty(d.quantitySealed) },
            { key: 'removed', label: t(sm.quantityRemoved), children: qty(d.quantityRemoved) },
            { key: 'recall', label: t(sm.recallReference), children: d.recallReference || '—' },
            {
              key: 'measures',
              label: t(sm.measures),
              span: 'filled' as const,
              children: d.measures ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.measures}</Typography.Paragraph> : '—',
            },
            { key: 'shipped', label: t(sm.totalShipped), children: qty(d.totalShipped) },
            { key: 'recovered', label: t(sm.totalRecovered), children: `${qty(d.totalRecovered)}（${shareText(d.totalRecovered, d.totalShipped)}）` },
          ]}
        />
      </Card>
      <FlowsCard disposal={d} onAdd={writable ? () => setModal('flow') : undefined} />
      {writable ? (
        <>
          <EditModal disposal={d} open={modal === 'edit'} onClose={() => setModal(null)} />
          <FlowModal disposal={d} open={modal === 'flow'} onClose={() => setModal(null)} />
        </>
      ) : null}
    </>
  );
}
