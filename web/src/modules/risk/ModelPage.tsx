import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Col, Descriptions, Form, InputNumber, Row, Skeleton, Table, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SIGNAL_KIND_LABELS, SIGNAL_KINDS, WARNING_LEVELS } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { FormDrawer, useFormError } from '../../shared/FormDrawer';
import { formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { keys, paths, riskApi, type RiskModelView, type SignalKind } from './api';
import type { EChartsOption } from '../../shared/echarts';
import { km } from './messages';
import { checkModel, decayShare, groupErrors, type FieldErrors, type ModelValues } from './model';
import { formatScore, KindTag, LevelTag, Note } from './parts';
import { EChart } from '../../shared/EChart';

/** The form's top-level fields: a server error naming one of them is shown under it. */
const MODEL_FIELDS = ['weights', 'halfLifeDays', 'windowDays', 'thresholds'];

function decayOption(m: RiskModelView, t: ReturnType<typeof useT>): EChartsOption {
  const end = Math.min(3650, Math.ceil(m.windowDays * 1.1));
  const step = Math.max(1, Math.round(end / 60));
  // The drop to nothing just past the window shows as a step, not a slope.
  const points = new Set<number>([m.windowDays, m.windowDays + 1]);
  for (let d = 0; d <= end; d += step) points.add(d);
  const days = [...points].filter((d) => d <= end).sort((a, b) => a - b);
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: t(km.decayAxis), nameLocation: 'middle', nameGap: 26, max: end },
    yAxis: { type: 'value', name: t(km.decayShare), max: 100 },
    series: [
      {
        name: t(km.decayShare),
        type: 'line',
        showSymbol: false,
        itemStyle: { color: '#1677ff' },
        areaStyle: { opacity: 0.08 },
        data: days.map((d) => [d, Math.round(decayShare(d, m.halfLifeDays, m.windowDays) * 1000) / 10]),
      },
    ],
  };
}

function ModelView({ model }: { model: RiskModelView }) {
  const t = useT();
  const sample = Math.max(...SIGNAL_KINDS.map((k) => model.weights[k]));
  const weightRows = SIGNAL_KINDS.map((kind) => ({ kind, weight: model.weights[kind] }));
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card title={t(km.weights)} className="detail-card">
          <Table
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={weightRows}
            columns={[
              { title: t(km.signalKind), dataIndex: 'kind', render: (kind: SignalKind) => <KindTag kind={kind} /> },
              { title: t(km.weightOf), dataIndex: 'weight', align: 'right', render: (w: number) => <Typography.Text strong>{formatScore(w)}</Typography.Text> },
            ]}
          />
        </Card>
        <Card title={t(km.thresholds)} className="detail-card">
          <Table
            rowKey="level"
            size="small"
            pagination={false}
            dataSource={WARNING_LEVELS.map((level) => ({ level, from: model.thresholds[level] }))}
            columns={[
              { title: t(km.level), dataIndex: 'level', render: (level: (typeof WARNING_LEVELS)[number]) => <LevelTag level={level} /> },
              { title: t(km.thresholdOf), dataIndex: 'from', align: 'right', render: (v: number) => <Typography.Text strong>{formatScore(v)}</Typography.Text> },
            ]}
          />
          <Note>{t(km.levelsLegend)}</Note>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t(km.decay)} className="detail-card">
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'half', label: t(km.halfLife), children: t(km.days, { n: model.halfLifeDays }) },
              { key: 'window', label: t(km.window), children: t(km.days, { n: model.windowDays }) },
            ]}
          />
          <Typography.Paragraph type="secondary">
            {t(km.decayExample, {
              w: formatScore(sample),
              h: model.halfLifeDays,
              half: formatScore(sample / 2),
              h2: model.halfLifeDays * 2,
              quarter: formatScore(sample / 4),
              window: model.windowDays,
            })}
          </Typography.Paragraph>
          <EChart option={decayOption(model, t)} label={t(km.decayChart)} height={260} />
        </Card>
      </Col>
    </Row>
  );
}

/** The model in a drawer: the contract's schema checks it first, then the server. */
function ModelForm({ model, open, onClose }: { model: RiskModelView; open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ModelValues>();
  const formError = useFormError(form);
  const setErrors = (errors: FieldErrors) => form.setFields(errors as Parameters<typeof form.setFields>[0]);
  const save = useMutation({
    mutationFn: riskApi.setModel,
    onSuccess: (saved) => {
      client.setQueryData(keys.model, saved);
      // Every score and level follows the model.
      void client.invalidateQueries({ queryKey: keys.all });
      void message.success(t(km.modelSaved));
      onClose();
    },
    onError: (e) => {
      const placed = e instanceof ApiError ? groupErrors(e.fields.map((f) => ({ path: f.field, message: f.message }))) : [];
      if (placed.length && placed.every((f) => MODEL_FIELDS.includes(String(f.name[0])))) setErrors(placed);
      else formError.show(e);
    },
  });

  const submit = (values: ModelValues) => {
    const checked = checkModel(values);
    if (checked.ok) save.mutate(checked.body);
    else setErrors(checked.errors);
  };

  const required = (label: typeof km.thresholdRequired) => ({ required: true, message: t(label) });
  return (
    <FormDrawer<ModelValues>
      name="riskModel"
      title={t(km.editModelTitle)}
      open={open}
      onClose={onClose}
      size={560}
      form={form}
      formError={formError}
      saving={save.isPending}
      initialValues={{ weights: model.weights, halfLifeDays: model.halfLifeDays, windowDays: model.windowDays, thresholds: model.thresholds }}
      onFinish={submit}
    >
      <Typography.Paragraph type="secondary">{t(km.editModelHint)}</Typography.Paragraph>
      <Typography.Title level={5}>{t(km.weights)}</Typography.Title>
      <Row gutter={12}>
        {SIGNAL_KINDS.map((kind) => (
          <Col span={12} key={kind}>
            <Form.Item name={['weights', kind]} label={t(SIGNAL_KIND_LABELS[kind])}>
              <InputNumber style={{ width: '100%' }} step={1} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t(km.decay)}</Typography.Title>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="halfLifeDays" label={t(km.halfLife)}>
            <InputNumber style={{ width: '100%' }} step={1} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="windowDays" label={t(km.window)} rules={[required(km.windowRequired)]}>
            <InputNumber style={{ width: '100%' }} min={1} max={3650} precision={0} step={30} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t(km.thresholds)}</Typography.Title>
      <Row gutter={12}>
        {WARNING_LEVELS.map((level) => (
          <Col span={12} key={level}>
            <Form.Item name={['thresholds', level]} label={<LevelTag level={level} />} rules={[required(km.thresholdRequired)]}>
              <InputNumber style={{ width: '100%' }} min={0} step={1} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormDrawer>
  );
}

/** 评分模型: every reader sees the weights, the decay and the thresholds; the national bureau edits them. */
export function ModelPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const model = useQuery({ queryKey: keys.model, queryFn: riskApi.model });
  const [editing, setEditing] = useState(false);
  const mayEdit = can(session, 'risk.model');
  const m = model.data;
  const isDefault = m ? Date.parse(m.updatedAt) === 0 : false;

  return (
    <>
      <PageHeader
        title={t(km.modelTitle)}
        subtitle={t(km.modelSubtitle)}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.dashboard)}>
              {t(km.backToDashboard)}
            </Button>
            {mayEdit && m ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t(km.editModel)}
              </Button>
            ) : null}
          </>
        }
      />
      {model.isError ? (
        <QueryError error={model.error} onRetry={() => void model.refetch()} />
      ) : !m ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Note>
            {isDefault ? t(km.defaultModel) : t(km.updatedAt, { at: formatDateTime(m.updatedAt) })}
            {mayEdit ? '' : ` · ${t(km.modelNationalOnly)}`}
          </Note>
          <ModelView model={m} />
          {mayEdit ? <ModelForm model={m} open={editing} onClose={() => setEditing(false)} /> : null}
        </>
      )}
    </>
  );
}

