import { App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Space, Statistic, Switch, Typography } from 'antd';
import { ArrowLeftOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_TIER_RATIOS, DRAW_MODE_LABELS, DRAW_MODES, RISK_TIER_LABELS, RISK_TIERS, type DrawMode, type RiskTier } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useCategoryOptions } from '../../shared/categories';
import { showFormError } from '../../shared/errors';
import { RegionCascader } from '../../shared/RegionCascader';
import { scopeRegion } from '../../shared/scope';
import { PageHeader, QueryError } from '../../shared/ui';
import { inspectionsApi } from './api';
import { im } from './messages';
import { expectedTargets, ratioOfPercent, tierQuota } from './quota';

type Values = {
  name: string;
  regionCode?: string;
  category?: string;
  tier?: RiskTier;
  inspectorField?: string;
  mode: DrawMode;
  percents: Record<RiskTier, number | null>;
  count?: number;
  inspectorsPerTarget: number;
  excludeOwnCounty: boolean;
};

const DEFAULT_PERCENTS = Object.fromEntries(RISK_TIERS.map((tier) => [tier, DEFAULT_TIER_RATIOS[tier] * 100])) as Record<RiskTier, number>;

/** The new-draw form: filters, ratios per tier (or a count), inspectors per target, own-county exclusion; a live preview. */
export function NewDrawPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useCategoryOptions();
  const filters = {
    regionCode: Form.useWatch('regionCode', form),
    category: Form.useWatch('category', form),
    tier: Form.useWatch('tier', form),
    inspectorField: Form.useWatch('inspectorField', form)?.trim() || undefined,
  };
  const mode = Form.useWatch('mode', form) ?? 'ratio';
  const percents = Form.useWatch('percents', form) ?? DEFAULT_PERCENTS;
  const perTarget = Form.useWatch('inspectorsPerTarget', form) ?? 2;
  const count = Form.useWatch('count', form);
  const preview = useQuery({
    queryKey: ['inspections', 'preview', filters],
    queryFn: () => inspectionsApi.preview(filters),
    placeholderData: keepPreviousData,
  });
  const candidates = Object.fromEntries((preview.data?.tiers ?? []).map((x) => [x.tier, x.candidates])) as Partial<Record<RiskTier, number>>;
  const total = RISK_TIERS.reduce((n, tier) => n + (candidates[tier] ?? 0), 0);
  const ratios = Object.fromEntries(RISK_TIERS.map((tier) => [tier, ratioOfPercent(percents[tier])])) as Record<RiskTier, number>;

  const create = useMutation({
    mutationFn: (v: Values) =>
      inspectionsApi.create({
        name: v.name.trim(),
        regionCode: v.regionCode || undefined,
        category: v.category || undefined,
        tier: v.tier || undefined,
        inspectorField: v.inspectorField?.trim() || undefined,
        mode: v.mode,
        ratios: Object.fromEntries(RISK_TIERS.map((tier) => [tier, ratioOfPercent(v.percents[tier])])) as Record<RiskTier, number>,
        count: v.mode === 'count' ? v.count : undefined,
        inspectorsPerTarget: v.inspectorsPerTarget,
        excludeOwnCounty: v.excludeOwnCounty,
      }),
    onSuccess: (drawn) => {
      void client.invalidateQueries({ queryKey: ['inspections'] });
      void message.success(t(im.drawn, { n: drawn.targetCount }));
      navigate(`/supervision/inspections/draws/${drawn.id}`);
    },
    onError: (e) => showFormError(form, e, (text) => void modal.error({ title: t(im.drawNow), content: text })),
  });

  const submit = (v: Values) =>
    modal.confirm({
      title: t(im.confirmDraw),
      content: t(im.confirmDrawText),
      okText: t(im.drawNow),
      cancelText: t(common.cancel),
      onOk: () => create.mutateAsync(v).catch(() => undefined),
    });

  return (
    <>
      <PageHeader
        title={t(im.newTitle)}
        subtitle={t(im.newSubtitle)}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/supervision/inspections/draws')}>
            {t(im.back)}
          </Button>
        }
      />
      <Form<Values>
        name="newDraw"
        form={form}
        layout="vertical"
        initialValues={{ mode: 'ratio', percents: DEFAULT_PERCENTS, inspectorsPerTarget: 2, excludeOwnCounty: true }}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card title={t(im.scopeCard)} className="form-card">
              <Form.Item name="name" label={t(im.drawName)} extra={t(im.nameIsPublic)} rules={[{ required: true, whitespace: true, message: t(im.nameRequired) }, { max: 100 }]}>
                <Input maxLength={100} placeholder={t(im.namePlaceholder)} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="regionCode" label={t(im.region)}>
                    <RegionCascader anyLevel within={scopeRegion(session)} placeholder={t(im.regionAll)} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="category" label={t(im.categoryFilter)}>
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t(im.categoryAll)} options={categories.options} loading={categories.loading} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="tier" label={t(im.tierFilter)}>
                    <Select allowClear placeholder={t(im.tierAll)} options={RISK_TIERS.map((tier) => ({ value: tier, label: t(RISK_TIER_LABELS[tier]) }))} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title={t(im.methodCard)} className="form-card">
              <Form.Item name="mode" label={t(im.mode)}>
                <Radio.Group optionType="button" options={DRAW_MODES.map((m) => ({ value: m, label: t(DRAW_MODE_LABELS[m]) }))} />
              </Form.Item>
              {mode === 'ratio' ? (
                <Form.Item label={t(im.ratio)} extra={t(im.ratioHint)}>
                  <Row gutter={[16, 8]}>
                    {RISK_TIERS.map((tier) => (
                      <Col key={tier} xs={12} md={6}>
                        <Form.Item name={['percents', tier]} noStyle>
                          <InputNumber min={0} max={100} step={1} precision={2} suffix="%" style={{ width: '100%' }} prefix={t(RISK_TIER_LABELS[tier])} aria-label={t(RISK_TIER_LABELS[tier])} />
                        </Form.Item>
                        <Typography.Text type="secondary">
                          {t(im.candidates, { n: candidates[tier] ?? 0 })} → {tierQuota(ratios[tier], candidates[tier] ?? 0)}
                        </Typography.Text>
                      </Col>
                    ))}
                  </Row>
                </Form.Item>
              ) : (
                <Form.Item name="count" label={t(im.count)} rules={[{ required: true, message: t(im.countRequired) }]}>
                  <InputNumber min={1} max={Math.max(1, total)} precision={0} style={{ width: 200 }} suffix={t(im.unit)} />
                </Form.Item>
              )}
            </Card>
            <Card title={t(im.inspectorsCard)} className="form-card">
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="inspectorsPerTarget" label={t(im.perTarget)} extra={t(im.perTargetHint)} rules={[{ required: true }]}>
                    <InputNumber min={2} max={5} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="inspectorField" label={t(im.inspectorField)}>
                    <Input maxLength={40} placeholder={t(im.fieldAll)} allowClear />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="excludeOwnCounty" label={t(im.excludeOwnCounty)} extra={t(im.excludeHint)} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card title={t(im.previewTitle)} className="form-card">
              {preview.isError ? <QueryError error={preview.error} onRetry={() => void preview.refetch()} /> : null}
              <Space size={32} wrap>
                <Statistic title={t(im.tierCandidates)} value={total} loading={preview.isPending} />
                <Statistic title={t(im.tierDrawn)} value={mode === 'ratio' ? expectedTargets(ratios, candidates) : Math.min(count ?? 0, total)} loading={preview.isPending} />
              </Space>
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 16 }}
                items={[
                  { key: 'pool', label: t(im.inspectorsCard), children: t(im.poolSize, { n: preview.data?.inspectors ?? 0 }) },
                  { key: 'need', label: t(im.perTarget), children: perTarget },
                ]}
              />
              <Button type="primary" htmlType="submit" icon={<ThunderboltOutlined />} loading={create.isPending} block size="large" style={{ marginTop: 16 }}>
                {t(im.drawNow)}
              </Button>
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}
