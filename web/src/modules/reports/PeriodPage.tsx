import { useState } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Dropdown, Empty, Flex, Result, Segmented, Select, Skeleton, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, CalendarOutlined, DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ACCUMULATION_LABELS, REPORT_FREQUENCY_LABELS, SUBMISSION_STATUS_LABELS } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { keys, paths, reportsApi, type ExportFormat, type ReportTableView, type TableQuery } from './api';
import { ChartsPanel } from './ChartsPanel';
import { CompletenessPanel } from './CompletenessPanel';
import { DrillDrawer } from './DrillDrawer';
import { ManualCellModal } from './ManualCellModal';
import { rm } from './messages';
import { OncePeriodModal } from './OncePeriodModal';
import { ReportTable, type CellTarget } from './ReportTable';
import { ReviewActions, type ReviewSubject } from './ReviewActions';
import { SubmitModal } from './SubmitModal';
import { isReportingUnit, timelinessOf } from './status';
import { SubmissionStatusTag, TimelinessTag } from './tags';

type View = 'rollup' | 'live' | 'unit' | 'completeness' | 'charts';
const VIEWS: readonly View[] = ['rollup', 'live', 'unit', 'completeness', 'charts'];

/** The table query of each view; the unit's own table takes none. */
function tableQueryOf(view: View, unit: string | undefined, above: boolean): TableQuery {
  if (!above) return {};
  if (view === 'unit' && unit) return { unit };
  if (view === 'live') return { mode: 'live' };
  return { mode: 'rollup' };
}

/** /reports/:templateId: the period being reported now. */
export function CurrentPeriodRedirect() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { templateId = '' } = useParams();
  const [adding, setAdding] = useState(false);
  const template = useQuery({ queryKey: keys.template(templateId), queryFn: () => reportsApi.template(templateId) });
  const periods = useQuery({ queryKey: keys.periods(templateId), queryFn: () => reportsApi.periods(templateId, 12) });
  if (template.isPending || periods.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (template.isError) return <TemplateMissing error={template.error} onRetry={() => void template.refetch()} />;
  if (periods.isError) return <QueryError error={periods.error} onRetry={() => void periods.refetch()} />;
  const first = periods.data[0];
  if (first) return <Navigate to={paths.period(templateId, first.key)} replace />;
  const mayAdd = can(session, 'report.template') && template.data.ownerOrgId === session.org.id && template.data.frequency === 'once';
  return (
    <>
      <PageHeader title={template.data.name} extra={<BackButton />} />
      <Result
        status="info"
        title={t(rm.noPeriods)}
        subTitle={t(rm.noPeriodsHint)}
        extra={
          mayAdd ? (
            <Button type="primary" icon={<CalendarOutlined />} onClick={() => setAdding(true)}>
              {t(rm.addPeriod)}
            </Button>
          ) : null
        }
      />
      {mayAdd ? <OncePeriodModal template={template.data} open={adding} onClose={() => setAdding(false)} onCreated={(p) => navigate(paths.period(templateId, p.key))} /> : null}
    </>
  );
}

function BackButton() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.list)}>
      {t(rm.backToList)}
    </Button>
  );
}

function TemplateMissing({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(rm.templateNotFound)} extra={<BackButton />} /> : <QueryError error={error} onRetry={onRetry} />;
}

function ExportButton({ templateId, periodKey, query }: { templateId: string; periodKey: string; query: TableQuery }) {
  const t = useT();
  const formats: [ExportFormat, string][] = [
    ['xlsx', t(rm.exportXlsx)],
    ['csv', t(rm.exportCsv)],
    ['json', t(rm.exportJson)],
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: formats.map(([format, label]) => ({
          key: format,
          label: (
            <a href={reportsApi.exportUrl(templateId, periodKey, format, query)} download data-format={format}>
              {label}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>{t(rm.export)}</Button>
    </Dropdown>
  );
}

/** The header facts of the table on screen: whose, which days, the deadline and where it stands. */
function TableFacts({ view, review }: { view: ReportTableView; review?: ReviewSubject }) {
  const t = useT();
  const p = view.period;
  const s = view.submission;
  const cumulative = view.template.accumulation === 'campaign' && p.windowFrom !== p.fromDate;
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'unit', label: t(rm.unit), children: <Typography.Text strong>{view.unit.name}</Typography.Text> },
    { key: 'period', label: t(rm.period), children: p.label },
    { key: 'window', label: t(rm.window), children: t(cumulative ? rm.windowCumulative : rm.windowPeriod, { from: formatDate(p.windowFrom), to: formatDate(p.toDate) }) },
    { key: 'through', label: t(rm.dataThrough), children: <span data-testid="data-through">{formatDate(view.dataThrough)}</span> },
    {
      key: 'deadline',
      label: t(rm.deadline),
      children: (
        <Space size={6}>
          {formatDateTime(p.dueAt)}
          {p.closed ? <Tag color="default">{t(rm.closed)}</Tag> : <Tag color="blue">{t(rm.open)}</Tag>}
        </Space>
      ),
    },
  ];
  if (view.mode === 'unit') {
    const status = s?.status ?? 'missing';
    const timeliness = timelinessOf({ status, onTime: s?.onTime ?? null, excused: Boolean(s?.exceptionReason) }, p.closed);
    items.push({
      key: 'status',
      label: t(rm.status),
      children: (
        <span data-testid="submission-status">
          <SubmissionStatusTag status={status} />
          {timeliness ? <TimelinessTag value={timeliness} reason={s?.exceptionReason} /> : null}
        </span>
      ),
    });
    if (s?.submittedAt) {
      items.push(
        { key: 'submittedAt', label: t(rm.submittedAt), children: formatDateTime(s.submittedAt) },
        { key: 'filledBy', label: t(rm.filledBy), children: s.filledBy ?? '—' },
        { key: 'phone', label: t(rm.phone), children: s.phone ?? '—' },
      );
    }
    if (s?.reviewedAt && s.status === 'accepted') items.push({ key: 'reviewed', label: t(rm.reviewedBy), children: `${s.reviewedByName ?? '—'} · ${formatDateTime(s.reviewedAt)}` });
  } else if (view.mode === 'rollup' && view.included) {
    items.push({ key: 'status', label: t(rm.status), children: <Tag color="blue">{t(rm.rolledUp, { n: view.included.counted, of: view.included.expected })}</Tag> });
  } else {
    items.push({ key: 'status', label: t(rm.status), children: <Tag color="purple">{t(rm.viewLive)}</Tag> });
  }
  return (
    <Card size="small" className="detail-card" extra={review ? <ReviewActions templateId={view.template.id} periodKey={p.key} closed={p.closed} unit={review} size="middle" /> : null} title={view.template.definition.title}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );
}

/** What the unit's own table says about itself: returned, submitted, accepted, or a draft to complete. */
function UnitAlerts({ view }: { view: ReportTableView }) {
  const t = useT();
  const s = view.submission;
  const alerts = [];
  if (!view.template.active) alerts.push(<Alert key="inactive" type="warning" showIcon className="form-alert" title={t(rm.inactiveAlert)} />);
  if (s?.status === 'returned') {
    alerts.push(<Alert key="returned" type="error" showIcon className="form-alert" title={t(rm.returnedAlert, { reason: s.returnReason ?? '—' })} description={t(rm.returnedHint)} />);
  }
  if (s?.status === 'submitted') alerts.push(<Alert key="submitted" type="info" showIcon className="form-alert" title={t(rm.submittedAlert, { time: formatDateTime(s.submittedAt) })} />);
  if (s?.status === 'accepted') alerts.push(<Alert key="accepted" type="success" showIcon className="form-alert" title={t(rm.acceptedAlert, { time: formatDateTime(s.reviewedAt), by: s.reviewedByName ?? '—' })} />);
  if (view.editable) alerts.push(<Alert key="draft" type="info" showIcon className="form-alert" title={t(rm.draftHint, { date: view.dataThrough })} />);
  return <>{alerts}</>;
}

function Notes({ view }: { view: ReportTableView }) {
  const t = useT();
  const notes = view.template.definition.notes;
  return (
    <div className="report-notes">
      <Typography.Text type="secondary">
        {t(rm.dataThrough)}：{formatDate(view.dataThrough)} · {t(rm.computedAt, { time: formatDateTime(view.computedAt) })}
      </Typography.Text>
      {notes.length ? (
        <ol>
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/**
 * /reports/:templateId/periods/:key — a period of a report. A reporting unit sees its own
 * table (a live draft until submitted, frozen after), fills the manual cells and submits.
 * The level above sees the roll-up of what was submitted, the live figures, one unit's
 * table, who has reported (and accepts, returns or excuses), and charts.
 */
export function PeriodPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { templateId = '', key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [manual, setManual] = useState<CellTarget | null>(null);
  const [drill, setDrill] = useState<CellTarget | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [addingPeriod, setAddingPeriod] = useState(false);

  const template = useQuery({ queryKey: keys.template(templateId), queryFn: () => reportsApi.template(templateId) });
  const periods = useQuery({ queryKey: keys.periods(templateId), queryFn: () => reportsApi.periods(templateId, 12), enabled: template.isSuccess });
  const above = template.data ? !isReportingUnit(template.data) : false;
  const unit = (above && params.get('unit')) || undefined;
  const viewParam = params.get('view') as View | null;
  const view: View = !above ? 'unit' : viewParam && VIEWS.includes(viewParam) && (viewParam !== 'unit' || unit) ? viewParam : unit ? 'unit' : 'rollup';
  const query = tableQueryOf(view, unit, above);
  const showsTable = view !== 'completeness' && view !== 'charts';
  const table = useQuery({
    queryKey: keys.table(templateId, key, query),
    queryFn: () => reportsApi.table(templateId, key, query),
    enabled: template.isSuccess && showsTable,
  });
  const completeness = useQuery({
    queryKey: [...keys.period(templateId, key), 'completeness'],
    queryFn: () => reportsApi.completeness(templateId, key),
    enabled: template.isSuccess && above,
  });

  if (template.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (template.isError) return <TemplateMissing error={template.error} onRetry={() => void template.refetch()} />;
  const tpl = template.data;

  const setView = (next: { view?: View; unit?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.view) p.set('view', next.view);
    if (next.unit === null) p.delete('unit');
    else if (next.unit) p.set('unit', next.unit);
    setParams(p, { replace: true });
  };
  const period = table.data?.period ?? completeness.data?.period ?? periods.data?.find((p) => p.key === key);
  const periodOptions = [...(periods.data ?? [])];
  if (period && !periodOptions.some((p) => p.key === period.key)) periodOptions.unshift(period);
  const tableMissing = table.error instanceof ApiError && table.error.status === 404;
  const units = completeness.data?.units ?? [];
  const reviewUnit = view === 'unit' && unit ? units.find((u) => u.orgId === unit) : undefined;
  const v = table.data;
  const mayAddPeriod = tpl.frequency === 'once' && can(session, 'report.template') && tpl.ownerOrgId === session.org.id;
  const frozen = Boolean(v && (v.mode === 'rollup' || (v.submission && ['submitted', 'accepted'].includes(v.submission.status))));
  const exportQuery = view === 'completeness' || view === 'charts' ? tableQueryOf('rollup', undefined, above) : query;

  return (
    <>
      <PageHeader
        title={tpl.name}
        subtitle={`${t(REPORT_FREQUENCY_LABELS[tpl.frequency])} · ${t(ACCUMULATION_LABELS[tpl.accumulation])} · ${tpl.ownerName}${tpl.campaignName ? ` · ${tpl.campaignName}` : ''}`}
        extra={
          <>
            <BackButton />
            <Select
              aria-label={t(rm.period)}
              value={key}
              style={{ width: 300 }}
              loading={periods.isPending}
              onChange={(next: string) => navigate({ pathname: paths.period(templateId, next), search: params.toString() })}
              options={periodOptions.map((p) => ({ value: p.key, label: `${p.label}${p.closed ? t(rm.periodClosed) : ''}` }))}
            />
            {mayAddPeriod ? (
              <Button icon={<CalendarOutlined />} onClick={() => setAddingPeriod(true)}>
                {t(rm.addPeriod)}
              </Button>
            ) : null}
            <ExportButton templateId={templateId} periodKey={key} query={exportQuery} />
            {!above && v?.editable && can(session, 'report.fill') ? (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setSubmitting(true)}>
                {t(rm.submit)}
              </Button>
            ) : null}
          </>
        }
      />
      {above ? (
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<View>
            value={view}
            onChange={(next) => setView({ view: next })}
            options={[
              { value: 'rollup', label: t(rm.viewRollup) },
              { value: 'live', label: t(rm.viewLive) },
              ...(unit ? [{ value: 'unit' as const, label: t(rm.viewUnit) }] : []),
              { value: 'completeness', label: t(rm.viewCompleteness) },
              { value: 'charts', label: t(rm.viewCharts) },
            ]}
          />
          <Select
            aria-label={t(rm.unitPicker)}
            placeholder={t(rm.unitPicker)}
            allowClear
            value={unit}
            style={{ width: 300 }}
            loading={completeness.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(next?: string) => setView(next ? { unit: next, view: view === 'charts' ? 'charts' : 'unit' } : { unit: null, view: view === 'unit' ? 'rollup' : view })}
            options={units.map((u) => ({ value: u.orgId, label: `${u.name}（${t(SUBMISSION_STATUS_LABELS[u.status])}）` }))}
          />
        </Flex>
      ) : null}

      {view === 'completeness' ? (
        <CompletenessPanel templateId={templateId} periodKey={key} completeness={completeness} onViewUnit={(orgId) => setView({ unit: orgId, view: 'unit' })} />
      ) : view === 'charts' ? (
        <ChartsPanel template={tpl} periodKey={key} unit={unit} above={above} />
      ) : table.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : table.isError ? (
        tableMissing ? (
          <Empty description={t(rm.periodNotFound)} />
        ) : (
          <QueryError error={table.error} onRetry={() => void table.refetch()} />
        )
      ) : v ? (
        <>
          <TableFacts view={v} review={reviewUnit} />
          {v.mode === 'unit' && !above ? <UnitAlerts view={v} /> : null}
          {v.mode === 'unit' && above && v.submission?.status === 'returned' ? (
            <Alert type="warning" showIcon className="form-alert" title={t(rm.returnedAlert, { reason: v.submission.returnReason ?? '—' })} />
          ) : null}
          {v.mode === 'live' ? <Alert type="info" showIcon className="form-alert" title={t(rm.liveNote)} /> : null}
          {v.mode === 'rollup' ? <Alert type="info" showIcon className="form-alert" title={t(rm.rollupNote)} /> : null}
          <ReportTable definition={v.template.definition} cells={v.cells} onManual={!above && v.editable && can(session, 'report.fill') ? setManual : undefined} onDrill={setDrill} />
          <Notes view={v} />
          <ManualCellModal view={v} target={manual} tableKey={keys.table(templateId, key, query)} onClose={() => setManual(null)} />
          {!above && v.editable ? <SubmitModal view={v} open={submitting} tableKey={keys.table(templateId, key, query)} onClose={() => setSubmitting(false)} /> : null}
          <DrillDrawer templateId={templateId} periodKey={key} target={drill} unit={query.unit} frozen={frozen} onClose={() => setDrill(null)} />
        </>
      ) : null}
      {mayAddPeriod ? (
        <OncePeriodModal
          template={tpl}
          open={addingPeriod}
          onClose={() => setAddingPeriod(false)}
          onCreated={(p) => {
            setAddingPeriod(false);
            navigate(paths.period(templateId, p.key));
          }}
        />
      ) : null}
    </>
  );
}
