import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Result, Row, Select, Skeleton, Space, Switch, Typography, type FormInstance } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ACCUMULATION_LABELS,
  ACCUMULATIONS,
  REPORT_FREQUENCIES,
  REPORT_FREQUENCY_LABELS,
  ROW_DIMENSION_LABELS,
  ROW_DIMENSIONS,
  TESTING_DOMAIN_LABELS,
  TESTING_DOMAINS,
  UNIT_LEVELS,
  VIOLATION_CATEGORIES,
  VIOLATION_CATEGORY_LABELS,
  type RowDimension,
  type UnitLevel,
} from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT, type Label } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ForbiddenPage } from '../../app/StatusPages';
import { useCategories, useCategoryOptions } from '../../shared/categories';
import { errorMessage } from '../../shared/errors';
import { PageHeader, QueryError } from '../../shared/ui';
import { lookupApi } from '../enforcement/api';
import { keys, paths, REPORTS_KEY, reportsApi, type LibraryEntry, type ReportTemplateView } from './api';
import {
  bodyOf,
  copyOf,
  emptyValues,
  KEY,
  keyFromValue,
  metricFits,
  metricOptions,
  nextKey,
  placeErrors,
  previewDefinition,
  SINGLE_ROW,
  takesViolation,
  valuesOf,
  type ColumnValues,
  type DesignerValues,
  type GroupValues,
  type RowValues,
} from './designer';
import { dm, rm } from './messages';
import { TIME } from './OncePeriodModal';
import { ReportTable } from './ReportTable';
import { LEVEL_LABELS } from './tags';

const DEPTH = { national: 0, province: 1, city: 2, county: 3 } as const;

/** The levels a bureau may ask to report to it: those below its own. */
function levelsBelow(level: keyof typeof DEPTH | null): UnitLevel[] {
  return UNIT_LEVELS.filter((l) => level !== null && DEPTH[l] > DEPTH[level]);
}

/** What the library names its campaigns by, for the hint next to the campaign picker. */
const LIBRARY_CAMPAIGNS: Record<'epidemic' | 'testing', Label> = { epidemic: dm.libraryCampaignEpidemic, testing: dm.libraryCampaignTesting };

/** Library forms, templates to edit or copy, then the form itself with its starting values. */
export function TemplateDesignerPage() {
  const t = useT();
  const session = useSession();
  const { templateId } = useParams();
  const [search] = useSearchParams();
  const fromId = templateId ? null : search.get('from');
  const libraryCode = templateId || fromId ? null : search.get('library');
  const editing = useQuery({ queryKey: keys.template(templateId ?? ''), queryFn: () => reportsApi.template(templateId!), enabled: Boolean(templateId) });
  const source = useQuery({ queryKey: keys.template(fromId ?? ''), queryFn: () => reportsApi.template(fromId!), enabled: Boolean(fromId) });
  const library = useQuery({ queryKey: keys.library, queryFn: reportsApi.library, staleTime: Infinity });
  const levels = levelsBelow(session.org.level);

  if (!can(session, 'report.template') || session.org.kind !== 'regulator' || !levels.length) return <ForbiddenPage />;
  const pending = (templateId && editing.isPending) || (fromId && source.isPending) || (libraryCode && library.isPending);
  if (pending) return <Skeleton active paragraph={{ rows: 14 }} />;
  const failed = templateId ? editing : fromId ? source : null;
  if (failed?.isError) {
    const missing = failed.error instanceof ApiError && failed.error.status === 404;
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(rm.templateNotFound)} /> : <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  }

  const entry = libraryCode ? library.data?.find((e) => e.code === libraryCode) : undefined;
  const fit = (v: DesignerValues): DesignerValues => (levels.includes(v.unitLevel) ? v : { ...v, unitLevel: levels[0]! });
  const initial = editing.data ? valuesOf(editing.data) : source.data ? fit(copyOf(source.data)) : entry ? fit(valuesOf(entry)) : emptyValues(levels[0]!);
  return (
    <DesignerForm
      key={templateId ?? fromId ?? libraryCode ?? 'new'}
      initial={initial}
      template={editing.data}
      copiedFrom={source.data}
      library={library.data ?? []}
      libraryHint={entry?.campaign ?? null}
      levels={levels}
    />
  );
}

function DesignerForm({
  initial,
  template,
  copiedFrom,
  library,
  libraryHint: initialHint,
  levels,
}: {
  initial: DesignerValues;
  template?: ReportTemplateView;
  copiedFrom?: ReportTemplateView;
  library: LibraryEntry[];
  libraryHint: 'epidemic' | 'testing' | null;
  levels: UnitLevel[];
}) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DesignerValues>();
  // Paths into the lists (rows, groups, columns) are built at run time; antd types only literal ones.
  const dynamic = form as unknown as FormInstance;
  const [error, setError] = useState<string | null>(null);
  const [libraryHint, setLibraryHint] = useState(initialHint);
  const categories = useCategories();
  const categoryOptions = useCategoryOptions(initial.definition.rowDimension === 'category' ? initial.definition.rows.map((r) => r.value ?? '') : []);
  const campaigns = useQuery({ queryKey: ['campaigns', 'options'], queryFn: lookupApi.campaigns, enabled: can(session, 'campaign.read'), staleTime: 5 * 60_000 });
  const values = Form.useWatch((all: DesignerValues) => all, form) as DesignerValues | undefined;
  const dimension: RowDimension = values?.definition?.rowDimension ?? initial.definition.rowDimension;
  const frequency = values?.frequency ?? initial.frequency;
  const accumulation = values?.accumulation ?? initial.accumulation;
  const withTotal = values?.withTotal ?? initial.withTotal;
  const groups: GroupValues[] = values?.definition?.groups ?? initial.definition.groups;
  const rows: RowValues[] = values?.definition?.rows ?? initial.definition.rows;
  const locked = Boolean(template && (template.inUse || template.ownerOrgId !== session.org.id));

  const required = (label: Label) => ({ required: true, whitespace: true, message: t(rm.required, { field: t(label) }) });
  const choose = (label: Label) => ({ required: true, message: t(rm.chooseRequired, { field: t(label) }) });
  const keyRules = (label: Label, others: () => string[]) => [
    required(label),
    { pattern: KEY, message: t(dm.keyFormat) },
    {
      validator: async (_: unknown, value?: string) => {
        if (!value) return;
        if (others().filter((k) => k === value.trim()).length > 1) throw new Error(t(dm.keyDuplicate));
      },
    },
  ];
  const columnKeys = () => groups.flatMap((g) => (g?.columns ?? []).map((c) => c?.key?.trim() ?? ''));
  const rowKeys = () => rows.map((r) => r?.key?.trim() ?? '');
  const groupKeys = () => groups.map((g) => g?.key?.trim() ?? '');
  const metrics = metricOptions(dimension, t);
  const weekdays = t(dm.weekdays)
    .split(',')
    .map((d, i) => ({ value: i + 1, label: t(dm.weekday, { d }) }));

  const save = useMutation({
    mutationFn: (v: DesignerValues) => {
      const body = bodyOf(v);
      if (!template) return reportsApi.create(body);
      const { code: _code, ...update } = body;
      return reportsApi.update(template.id, update);
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: REPORTS_KEY });
      void message.success(t(template ? dm.updated : dm.created, { name: saved.name }));
      navigate(paths.manage);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setError(errorMessage(e));
        return;
      }
      const fields = e.fields.length ? e.fields : e.code === 'CODE_TAKEN' ? [{ field: 'code', message: e.message }] : [];
      const { placed, rest } = placeErrors(
        fields,
        form.getFieldsError().map((f) => f.name),
      );
      if (placed.length) {
        dynamic.setFields(placed);
        dynamic.scrollToField(placed[0]!.name, { block: 'center' });
      }
      setError(rest.length ? rest.join('；') : placed.length ? t(dm.fixErrors) : e.message);
    },
  });

  const applyLibrary = (code: string) => {
    const entry = library.find((e) => e.code === code);
    if (!entry) return;
    const apply = () => {
      const v = valuesOf(entry);
      form.setFieldsValue({ ...v, unitLevel: levels.includes(v.unitLevel) ? v.unitLevel : levels[0]! });
      setLibraryHint(entry.campaign);
      setError(null);
      void message.info(t(dm.libraryApplied, { name: entry.name }));
    };
    if (form.isFieldsTouched()) modal.confirm({ title: t(dm.fromLibrary), content: t(dm.replaceConfirm), okText: t(common.confirm), cancelText: t(common.cancel), onOk: apply });
    else apply();
  };

  const setRowDimension = (next: RowDimension) => {
    form.setFieldValue(['definition', 'rows'], next === 'none' ? [{ ...SINGLE_ROW }] : []);
    if (next === 'none') form.setFieldValue('withTotal', false);
  };
  const dimensionChoices: { value: string; label: string }[] =
    dimension === 'category' ? categoryOptions.options : dimension === 'domain' ? TESTING_DOMAINS.map((d) => ({ value: d, label: t(TESTING_DOMAIN_LABELS[d]) })) : [];
  const officialName = (value: string) =>
    dimension === 'category' ? (categories.data?.find((c) => c.code === value)?.name ?? value) : dimension === 'domain' ? (TESTING_DOMAIN_LABELS[value as keyof typeof TESTING_DOMAIN_LABELS]?.zh ?? value) : value;
  const onRowValue = (index: number, value: string) => {
    const row = form.getFieldValue(['definition', 'rows', index]) as RowValues;
    const taken = rowKeys().filter((_, i) => i !== index);
    form.setFieldValue(['definition', 'rows', index], {
      ...row,
      value,
      label: row.label?.trim() ? row.label : officialName(value),
      key: row.key?.trim() ? row.key : keyFromValue(value, taken),
    });
  };
  const addAllRows = () => {
    const present = new Set(rows.map((r) => r?.value));
    const taken = rowKeys();
    const added: RowValues[] = [];
    const all =
      dimension === 'category'
        ? (categories.data ?? []).filter((c) => c.active).sort((a, b) => a.sortOrder - b.sortOrder).map((c) => ({ value: c.code, label: c.name }))
        : TESTING_DOMAINS.map((d) => ({ value: d as string, label: TESTING_DOMAIN_LABELS[d].zh }));
    for (const { value, label } of all) {
      if (present.has(value)) continue;
      const key = keyFromValue(value, [...taken, ...added.map((r) => r.key)]);
      added.push({ key, label, value });
    }
    form.setFieldValue(['definition', 'rows'], [...rows.filter((r) => r?.value || r?.label), ...added]);
  };
  const onKindChange = (gi: number, ci: number, kind: ColumnValues['kind']) => {
    const path = ['definition', 'groups', gi, 'columns', ci];
    const column = dynamic.getFieldValue(path) as ColumnValues;
    dynamic.setFieldValue(path, { kind, key: column.key, label: column.label, decimals: kind === 'ratio' ? 2 : 0, unit: '', of: [], violation: null });
  };

  const metricRule = (label: Label) => [
    choose(label),
    {
      validator: async (_: unknown, value?: ColumnValues['metric']) => {
        if (value && !metricFits(value, form.getFieldValue(['definition', 'rowDimension']) as RowDimension)) {
          throw new Error(t(dm.metricNotFit, { dimension: t(ROW_DIMENSION_LABELS[form.getFieldValue(['definition', 'rowDimension']) as RowDimension]) }));
        }
      },
    },
  ];

  /** The fields of a column's kind, on the column's one line: each names itself (prefix, placeholder, aria-label). */
  const kindFields = (gi: number, ci: number, fieldName: number) => {
    const column = groups[gi]?.columns?.[ci];
    const kind = column?.kind ?? 'metric';
    const allColumns = groups.flatMap((g) => (g?.columns ?? []).filter(Boolean).map((c) => ({ value: c.key, label: `${g.label || '—'} · ${c.label || c.key}` })));
    const item = { style: { marginBottom: 8 } };
    switch (kind) {
      case 'metric':
        return (
          <>
            <Form.Item name={[fieldName, 'metric']} rules={metricRule(dm.metric)} dependencies={[['definition', 'rowDimension']]} {...item} style={{ marginBottom: 8, flex: 2, minWidth: 260 }}>
              <Select options={metrics} showSearch={{ optionFilterProp: 'label' }} placeholder={t(dm.metric)} aria-label={t(dm.metric)} />
            </Form.Item>
            {takesViolation(column?.metric) ? (
              <Form.Item name={[fieldName, 'violation']} style={{ marginBottom: 8, width: 170 }}>
                <Select allowClear placeholder={t(dm.violationAll)} aria-label={t(dm.violation)} options={VIOLATION_CATEGORIES.map((v) => ({ value: v, label: t(VIOLATION_CATEGORY_LABELS[v]) }))} />
              </Form.Item>
            ) : null}
          </>
        );
      case 'ratio':
        return (
          <>
            <Form.Item name={[fieldName, 'numerator']} rules={metricRule(dm.numerator)} dependencies={[['definition', 'rowDimension']]} style={{ marginBottom: 8, flex: 1, minWidth: 180 }}>
              <Select options={metrics} showSearch={{ optionFilterProp: 'label' }} prefix={t(dm.numeratorShort)} aria-label={t(dm.numerator)} />
            </Form.Item>
            <Form.Item name={[fieldName, 'denominator']} rules={metricRule(dm.denominator)} dependencies={[['definition', 'rowDimension']]} style={{ marginBottom: 8, flex: 1, minWidth: 180 }}>
              <Select options={metrics} showSearch={{ optionFilterProp: 'label' }} prefix={t(dm.denominatorShort)} aria-label={t(dm.denominator)} />
            </Form.Item>
            <Form.Item name={[fieldName, 'decimals']} rules={[{ required: true, type: 'integer', min: 0, max: 4, message: t(dm.decimals) }]} {...item}>
              <InputNumber min={0} max={4} precision={0} prefix={t(dm.decimals)} aria-label={t(dm.decimals)} style={{ width: 110 }} />
            </Form.Item>
          </>
        );
      case 'sum':
        return (
          <Form.Item name={[fieldName, 'of']} rules={[{ required: true, type: 'array', min: 2, message: t(dm.sumOfRequired) }]} style={{ marginBottom: 8, flex: 1, minWidth: 300 }}>
            <Select mode="multiple" options={allColumns.filter((c) => c.value && c.value !== column?.key)} showSearch={{ optionFilterProp: 'label' }} placeholder={t(dm.sumOf)} aria-label={t(dm.sumOf)} />
          </Form.Item>
        );
      case 'manual':
        return (
          <>
            <Form.Item name={[fieldName, 'unit']} rules={[{ max: 10 }]} {...item}>
              <Input maxLength={10} prefix={t(dm.unit)} aria-label={t(dm.unit)} style={{ width: 150 }} placeholder="人次" />
            </Form.Item>
            <Form.Item name={[fieldName, 'decimals']} rules={[{ required: true, type: 'integer', min: 0, max: 4, message: t(dm.decimals) }]} {...item}>
              <InputNumber min={0} max={4} precision={0} prefix={t(dm.decimals)} aria-label={t(dm.decimals)} style={{ width: 120 }} />
            </Form.Item>
          </>
        );
    }
  };

  const preview = previewDefinition(values);
  const title = template ? t(dm.editTitle, { name: template.name }) : copiedFrom ? t(dm.copyTitle, { name: copiedFrom.name }) : t(dm.newTitle);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.manage)}>
      {t(dm.cancel)}
    </Button>
  );

  return (
    <>
      <PageHeader title={title} subtitle={t(dm.subtitle)} extra={back} />
      {template?.inUse ? <Alert type="warning" showIcon className="form-alert" title={t(dm.inUseAlert)} /> : null}
      {template && template.ownerOrgId !== session.org.id ? <Alert type="warning" showIcon className="form-alert" title={t(dm.notOwnerAlert)} /> : null}
      {error ? <Alert type="error" showIcon className="form-alert" role="alert" title={error} closable={{ onClose: () => setError(null) }} /> : null}
      <Form<DesignerValues>
        name="reportTemplate"
        form={form}
        layout="vertical"
        disabled={locked}
        initialValues={initial}
        scrollToFirstError={{ block: 'center' }}
        onValuesChange={() => setError(null)}
        onFinish={(v) => save.mutate(v)}
      >
        <Card title={t(dm.sectionBasics)} className="form-card">
          {template ? null : (
            <Form.Item label={t(dm.fromLibrary)} extra={t(dm.fromLibraryHint)}>
              <Select
                aria-label={t(dm.fromLibrary)}
                placeholder={t(dm.fromLibrary)}
                style={{ maxWidth: 560 }}
                onChange={applyLibrary}
                options={library.map((e) => ({ value: e.code, label: `${e.name}（${e.source}）` }))}
              />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="code" label={t(dm.code)} extra={t(dm.codeHint)} rules={[required(dm.code), { pattern: KEY, message: t(dm.keyFormat) }]}>
                <Input className="mono" maxLength={40} disabled={Boolean(template)} autoComplete="off" placeholder="epidemic_weekly" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="name" label={t(dm.name)} rules={[required(dm.name), { max: 120 }]}>
                <Input maxLength={120} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name={['definition', 'title']} label={t(dm.title)} extra={t(dm.titleHint)} rules={[required(dm.title), { max: 120 }]}>
                <Input maxLength={120} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="frequency" label={t(dm.frequency)} rules={[choose(dm.frequency)]}>
                <Radio.Group optionType="button" options={REPORT_FREQUENCIES.map((f) => ({ value: f, label: t(REPORT_FREQUENCY_LABELS[f]) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="accumulation" label={t(dm.accumulation)} extra={t(dm.accumulationHint)} rules={[choose(dm.accumulation)]}>
                <Radio.Group options={ACCUMULATIONS.map((a) => ({ value: a, label: t(ACCUMULATION_LABELS[a]) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="unitLevel" label={t(dm.unitLevel)} extra={t(dm.unitLevelHint)} rules={[choose(dm.unitLevel)]}>
                <Select options={levels.map((l) => ({ value: l, label: t(LEVEL_LABELS[l]) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="campaignId"
                label={t(dm.campaign)}
                extra={libraryHint ? t(dm.libraryCampaign, { campaign: t(LIBRARY_CAMPAIGNS[libraryHint]) }) : t(dm.campaignHint)}
                dependencies={['accumulation']}
                rules={[{ required: accumulation === 'campaign', message: t(dm.campaignRequired) }]}
              >
                <Select allowClear placeholder={t(rm.optional)} loading={campaigns.isPending && can(session, 'campaign.read')} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t(dm.sectionSchedule)} className="form-card">
          <Typography.Paragraph type="secondary">{t(frequency === 'weekly' ? dm.scheduleWeekly : frequency === 'monthly' ? dm.scheduleMonthly : dm.scheduleOnce)}</Typography.Paragraph>
          <Row gutter={16}>
            {frequency === 'weekly' ? (
              <>
                <Col xs={12} md={6}>
                  <Form.Item name={['schedule', 'cutoffWeekday']} label={t(dm.cutoffWeekday)}>
                    <Select options={weekdays} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={['schedule', 'dueWeekday']} label={t(dm.dueWeekday)}>
                    <Select options={weekdays} />
                  </Form.Item>
                </Col>
              </>
            ) : null}
            {frequency === 'monthly' ? (
              <Col xs={12} md={6}>
                <Form.Item name={['schedule', 'dueDay']} label={t(dm.dueDay)}>
                  <Select options={Array.from({ length: 28 }, (_, i) => ({ value: i + 1, label: t(dm.dayOfMonth, { n: i + 1 }) }))} />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={12} md={6}>
              <Form.Item name={['schedule', 'dueTime']} label={t(dm.dueTime)} rules={[required(dm.dueTime), { pattern: TIME, message: t(rm.timeFormat) }]}>
                <Input placeholder="17:00" style={{ width: 120 }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['schedule', 'remindTime']} label={t(dm.remindTime)} rules={[required(dm.remindTime), { pattern: TIME, message: t(rm.timeFormat) }]}>
                <Input placeholder="12:00" style={{ width: 120 }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t(dm.sectionRows)} className="form-card">
          <Form.Item name={['definition', 'rowDimension']} label={t(dm.rowDimension)} extra={t(dm.rowDimensionHint)}>
            <Radio.Group optionType="button" onChange={(e) => setRowDimension(e.target.value as RowDimension)} options={ROW_DIMENSIONS.map((d) => ({ value: d, label: t(ROW_DIMENSION_LABELS[d]) }))} />
          </Form.Item>
          <Form.List
            name={['definition', 'rows']}
            rules={[
              {
                validator: async (_: unknown, list?: RowValues[]) => {
                  if (!list?.length) throw new Error(t(dm.rowsRequired));
                  if (dimension === 'none' && list.length !== 1) throw new Error(t(dm.singleRow));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="flex-start" wrap className="designer-row">
                    {dimension !== 'none' ? (
                      <Form.Item name={[field.name, 'value']} label={index === 0 ? t(dm.rowValue) : undefined} rules={[{ required: true, message: t(dm.rowValueRequired) }]} style={{ width: 240 }}>
                        <Select options={dimensionChoices} showSearch={{ optionFilterProp: 'label' }} onChange={(v: string) => onRowValue(index, v)} placeholder={t(ROW_DIMENSION_LABELS[dimension])} />
                      </Form.Item>
                    ) : null}
                    <Form.Item name={[field.name, 'label']} label={index === 0 ? t(dm.rowLabel) : undefined} rules={[required(dm.rowLabel), { max: 60 }]} style={{ width: 240 }}>
                      <Input maxLength={60} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'key']}
                      label={index === 0 ? t(dm.rowKey) : undefined}
                      rules={[
                        ...keyRules(dm.rowKey, rowKeys),
                        {
                          validator: async (_: unknown, value?: string) => {
                            if (value?.trim() === 'total') throw new Error(t(dm.keyReserved));
                          },
                        },
                      ]}
                      style={{ width: 180 }}
                    >
                      <Input className="mono" maxLength={40} />
                    </Form.Item>
                    {dimension !== 'none' ? (
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label={t(common.cancel)} onClick={() => remove(field.name)} style={{ marginTop: index === 0 ? 30 : 0 }} />
                    ) : null}
                  </Flex>
                ))}
                {dimension !== 'none' ? (
                  <Space wrap>
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: nextKey('r', rowKeys()), label: '', value: null })}>
                      {t(dm.addRow)}
                    </Button>
                    <Button onClick={addAllRows}>{t(dm.addAllRows, { dimension: t(ROW_DIMENSION_LABELS[dimension]) })}</Button>
                  </Space>
                ) : null}
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
          <Flex gap={16} align="center" style={{ marginTop: 16 }} wrap>
            <Form.Item name="withTotal" label={t(dm.totalRow)} valuePropName="checked" style={{ marginBottom: 0 }}>
              <Switch />
            </Form.Item>
            {withTotal ? (
              <Form.Item name={['definition', 'totalRow', 'label']} label={t(dm.totalRowLabel)} rules={[required(dm.totalRowLabel), { max: 20 }]} style={{ marginBottom: 0, width: 200 }}>
                <Input maxLength={20} />
              </Form.Item>
            ) : null}
          </Flex>
        </Card>

        <Card title={t(dm.sectionColumns)} className="form-card">
          <Form.List
            name={['definition', 'groups']}
            rules={[
              {
                validator: async (_: unknown, list?: GroupValues[]) => {
                  if (!list?.length) throw new Error(t(dm.groupsRequired));
                },
              },
            ]}
          >
            {(groupFields, groupOps, { errors: groupErrors }) => (
              <>
                {groupFields.map((groupField, gi) => (
                  <Card
                    key={groupField.key}
                    size="small"
                    type="inner"
                    className="designer-group"
                    title={
                      <Flex gap={8} align="flex-start" wrap>
                        <Form.Item name={[groupField.name, 'label']} rules={[required(dm.groupLabel), { max: 60 }]} style={{ marginBottom: 0, width: 320 }}>
                          <Input maxLength={60} placeholder={t(dm.groupLabel)} aria-label={t(dm.groupLabel)} />
                        </Form.Item>
                        <Form.Item name={[groupField.name, 'key']} rules={keyRules(dm.groupKey, groupKeys)} style={{ marginBottom: 0, width: 160 }}>
                          <Input className="mono" maxLength={40} placeholder={t(dm.groupKey)} aria-label={t(dm.groupKey)} />
                        </Form.Item>
                      </Flex>
                    }
                    extra={
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => groupOps.remove(groupField.name)}>
                        {t(dm.removeGroup)}
                      </Button>
                    }
                  >
                    <Form.List
                      name={[groupField.name, 'columns']}
                      rules={[
                        {
                          validator: async (_: unknown, list?: ColumnValues[]) => {
                            if (!list?.length) throw new Error(t(dm.columnsRequired));
                          },
                        },
                      ]}
                    >
                      {(columnFields, columnOps, { errors: columnErrors }) => (
                        <>
                          {columnFields.length ? (
                            <Flex gap={8} className="designer-column-head" aria-hidden>
                              <span style={{ width: 170 }}>{t(dm.columnKind)}</span>
                              <span style={{ width: 210 }}>{t(dm.columnLabel)}</span>
                              <span style={{ width: 140 }}>{t(dm.columnKey)}</span>
                              <span style={{ flex: 1 }}>{t(dm.columnSource)}</span>
                            </Flex>
                          ) : null}
                          {columnFields.map((columnField, ci) => (
                            <Flex key={columnField.key} gap={8} align="flex-start" className="designer-column">
                              <Form.Item name={[columnField.name, 'kind']} style={{ width: 170, marginBottom: 8 }}>
                                <Select
                                  aria-label={t(dm.columnKind)}
                                  onChange={(kind: ColumnValues['kind']) => onKindChange(gi, ci, kind)}
                                  options={[
                                    { value: 'metric', label: t(dm.kindMetric) },
                                    { value: 'ratio', label: t(dm.kindRatio) },
                                    { value: 'sum', label: t(dm.kindSum) },
                                    { value: 'manual', label: t(dm.kindManual) },
                                  ]}
                                />
                              </Form.Item>
                              <Form.Item name={[columnField.name, 'label']} rules={[required(dm.columnLabel), { max: 60 }]} style={{ width: 210, marginBottom: 8 }}>
                                <Input maxLength={60} placeholder={t(dm.columnLabel)} aria-label={t(dm.columnLabel)} />
                              </Form.Item>
                              <Form.Item name={[columnField.name, 'key']} rules={keyRules(dm.columnKey, columnKeys)} style={{ width: 140, marginBottom: 8 }}>
                                <Input className="mono" maxLength={40} placeholder={t(dm.columnKey)} aria-label={t(dm.columnKey)} />
                              </Form.Item>
                              <Flex gap={8} wrap style={{ flex: 1, minWidth: 0 }}>
                                {kindFields(gi, ci, columnField.name)}
                              </Flex>
                              <Button type="text" icon={<MinusCircleOutlined />} aria-label={t(dm.removeColumn)} title={t(dm.removeColumn)} onClick={() => columnOps.remove(columnField.name)} />
                            </Flex>
                          ))}
                          <Button type="dashed" icon={<PlusOutlined />} onClick={() => columnOps.add({ kind: 'metric', key: nextKey('c', columnKeys()), label: '', violation: null })}>
                            {t(dm.addColumn)}
                          </Button>
                          <Form.ErrorList errors={columnErrors} />
                        </>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => groupOps.add({ key: nextKey('g', groupKeys()), label: '', columns: [{ kind: 'metric', key: nextKey('c', columnKeys()), label: '', violation: null }] })}>
                  {t(dm.addGroup)}
                </Button>
                <Form.ErrorList errors={groupErrors} />
              </>
            )}
          </Form.List>
        </Card>

        <Card title={t(dm.sectionNotes)} className="form-card">
          <Form.Item
            name={['definition', 'headerFields']}
            label={t(dm.headerFields)}
            extra={t(dm.headerFieldsHint)}
            rules={[{ type: 'array', max: 6, message: t(dm.headerFieldsHint) }]}
          >
            <Select mode="tags" maxCount={6} tokenSeparators={['、', '，', ',']} options={['填报单位', '填报人', '电话', '审核人', '填报日期'].map((f) => ({ value: f, label: f }))} />
          </Form.Item>
          <Form.List name={['definition', 'notes']}>
            {(fields, { add, remove }) => (
              <Form.Item label={t(dm.notes)}>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="flex-start">
                    <Typography.Text style={{ marginTop: 5 }}>{i + 1}.</Typography.Text>
                    <Form.Item name={field.name} rules={[{ required: true, whitespace: true, message: t(rm.required, { field: t(dm.notes) }) }, { max: 300 }]} style={{ flex: 1 }}>
                      <Input.TextArea rows={2} maxLength={300} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t(common.cancel)} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                {fields.length < 10 ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                    {t(dm.addNote)}
                  </Button>
                ) : null}
              </Form.Item>
            )}
          </Form.List>
        </Card>

        <Card title={preview.title || t(dm.title)} className="form-card" extra={<Typography.Text type="secondary">{(preview.headerFields ?? []).map((f) => `${f}：＿＿＿＿`).join('　')}</Typography.Text>}>
          <ReportTable definition={preview} cells={{}} />
        </Card>

      </Form>
      <div className="form-actions">
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending} disabled={locked}>
          {t(dm.save)}
        </Button>
        {back}
      </div>
    </>
  );
}
