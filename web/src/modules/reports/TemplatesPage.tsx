import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Dropdown, Popconfirm, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CopyOutlined, DownOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { REPORT_FREQUENCY_LABELS, type ReportFrequency } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { errorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { keys, paths, REPORTS_KEY, reportsApi, type ReportTemplateListQuery, type ReportTemplateView } from './api';
import { rm } from './messages';
import { isReportingUnit } from './status';
import { LEVEL_LABELS, SubmissionStatusTag } from './tags';

const LIST = { sorts: ['createdAt'] as const, sort: 'createdAt' as const, order: 'asc' as const };
const FILTERS = ['q', 'active'] as const;

/** The period being reported now (the first of the list, newest first). */
function useCurrentPeriod(templateId: string) {
  const periods = useQuery({ queryKey: keys.periods(templateId), queryFn: () => reportsApi.periods(templateId, 12), staleTime: 60_000 });
  return { period: periods.data?.[0], loading: periods.isPending };
}

function CurrentPeriodCell({ template }: { template: ReportTemplateView }) {
  const t = useT();
  const { period, loading } = useCurrentPeriod(template.id);
  if (loading) return <span className="secondary-text">…</span>;
  if (!period) return <span className="secondary-text">{t(rm.noPeriod)}</span>;
  return (
    <div>
      <Link to={paths.period(template.id, period.key)}>{period.label}</Link>
      <div className="secondary-text">{t(rm.dueAt, { time: formatDateTime(period.dueAt) })}</div>
    </div>
  );
}

/** A reporting unit: where its own table stands this period. */
function UnitStatus({ template, periodKey }: { template: ReportTemplateView; periodKey: string }) {
  const table = useQuery({ queryKey: keys.table(template.id, periodKey, {}), queryFn: () => reportsApi.table(template.id, periodKey, {}), staleTime: 60_000 });
  if (table.isError) return <span className="secondary-text">—</span>;
  if (!table.data) return <span className="secondary-text">…</span>;
  return <SubmissionStatusTag status={table.data.submission?.status ?? 'missing'} />;
}

/** Above the units: how many have reported this period, and how many late. */
function AboveStatus({ template, periodKey }: { template: ReportTemplateView; periodKey: string }) {
  const t = useT();
  const c = useQuery({ queryKey: [...keys.period(template.id, periodKey), 'completeness'], queryFn: () => reportsApi.completeness(template.id, periodKey), staleTime: 60_000 });
  if (c.isError) return <span className="secondary-text">—</span>;
  if (!c.data) return <span className="secondary-text">…</span>;
  return (
    <Space size={4} wrap>
      <Tag color={c.data.submitted === c.data.expected ? 'green' : 'blue'}>{t(rm.reportedOf, { n: c.data.submitted, of: c.data.expected })}</Tag>
      {c.data.late ? <Tag color="red">{t(rm.lateCount, { n: c.data.late })}</Tag> : null}
      {c.data.period.closed && c.data.missing ? <Tag color="red">{t(rm.missingTag, { n: c.data.missing })}</Tag> : null}
    </Space>
  );
}

function ThisPeriodCell({ template }: { template: ReportTemplateView }) {
  const { period } = useCurrentPeriod(template.id);
  if (!period) return <span className="secondary-text">—</span>;
  return isReportingUnit(template) ? <UnitStatus template={template} periodKey={period.key} /> : <AboveStatus template={template} periodKey={period.key} />;
}

/** Edit (frozen once in use, and the owner's only), copy, deactivate or activate. */
function TemplateActions({ template }: { template: ReportTemplateView }) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const owner = template.ownerOrgId === session.org.id;
  const toggle = useMutation({
    mutationFn: () => reportsApi.setActive(template.id, !template.active),
    onSuccess: (updated) => {
      void client.invalidateQueries({ queryKey: REPORTS_KEY });
      void message.success(t(updated.active ? rm.activated : rm.deactivated, { name: updated.name }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const editBlocked = !owner ? t(rm.editNotOwner) : template.inUse ? t(rm.editInUse) : null;
  return (
    <Space size={4} wrap>
      <Tooltip title={editBlocked}>
        <Button size="small" icon={<EditOutlined />} disabled={Boolean(editBlocked)} onClick={() => navigate(paths.edit(template.id))}>
          {t(rm.editTemplate)}
        </Button>
      </Tooltip>
      <Button size="small" icon={<CopyOutlined />} onClick={() => navigate(paths.copy(template.id))}>
        {t(rm.copyTemplate)}
      </Button>
      {owner ? (
        <Popconfirm
          title={t(template.active ? rm.deactivateConfirm : rm.activateConfirm)}
          okText={t(template.active ? rm.deactivate : rm.activate)}
          okButtonProps={{ danger: template.active }}
          onConfirm={() => toggle.mutateAsync()}
          styles={{ root: { maxWidth: 320 } }}
        >
          <Button size="small" danger={template.active} loading={toggle.isPending}>
            {t(template.active ? rm.deactivate : rm.activate)}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}

const BLANK = '__blank';

/** 新建模板: blank, or from one of the library's official forms. */
function NewTemplateButton() {
  const t = useT();
  const navigate = useNavigate();
  const library = useQuery({ queryKey: keys.library, queryFn: reportsApi.library, staleTime: Infinity });
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: BLANK, label: t(rm.blankTemplate) },
          {
            type: 'group',
            key: 'library',
            label: t(rm.fromLibrary),
            children: (library.data ?? []).map((e) => ({ key: e.code, label: e.name })),
          },
        ],
        onClick: ({ key }) => navigate(key === BLANK ? paths.newTemplate : `${paths.newTemplate}?library=${encodeURIComponent(key)}`),
      }}
    >
      <Button type="primary" icon={<PlusOutlined />}>
        {t(rm.newTemplate)} <DownOutlined />
      </Button>
    </Dropdown>
  );
}

/**
 * /reports — the reports the caller fills in or rolls up, with this period's state;
 * /reports/templates — the same templates to manage (report.template).
 */
export function TemplatesPage({ manage = false }: { manage?: boolean }) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const query = { page: list.page, pageSize: list.pageSize, ...list.filters } as ReportTemplateListQuery;
  const result = useListQuery(keys.templates, query, reportsApi.templates);
  const designer = can(session, 'report.template');

  const columns: TableColumnsType<ReportTemplateView> = [
    {
      title: t(rm.name),
      dataIndex: 'name',
      render: (name: string, row) => (
        <div>
          <Link to={paths.template(row.id)}>{name}</Link>
          {row.active ? null : (
            <Tag color="default" style={{ marginLeft: 8 }}>
              {t(rm.inactive)}
            </Tag>
          )}
          {manage ? (
            <div>
              <span className="mono secondary-text">{row.code}</span>
              {row.builtIn ? <Tag style={{ marginLeft: 8 }}>{t(rm.builtIn)}</Tag> : null}
              {row.inUse ? <Tag color="blue" style={{ marginLeft: 8 }}>{t(rm.inUse)}</Tag> : null}
            </div>
          ) : null}
        </div>
      ),
    },
    { title: t(rm.frequency), dataIndex: 'frequency', width: 90, render: (f: ReportFrequency) => t(REPORT_FREQUENCY_LABELS[f]) },
    ...(manage ? [{ title: t(rm.unitLevel), dataIndex: 'unitLevel', width: 110, render: (l: ReportTemplateView['unitLevel']) => t(LEVEL_LABELS[l]) }] : []),
    { title: t(rm.owner), dataIndex: 'ownerName', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
    { title: t(rm.campaign), dataIndex: 'campaignName', render: (name: string | null) => name ?? <span className="secondary-text">—</span> },
    { title: t(rm.currentPeriod), key: 'period', render: (_, row) => <CurrentPeriodCell template={row} /> },
    ...(manage ? [] : [{ title: t(rm.thisPeriod), key: 'status', render: (_: unknown, row: ReportTemplateView) => <ThisPeriodCell template={row} /> }]),
    {
      title: '',
      key: 'actions',
      width: designer ? 340 : 120,
      render: (_, row) => (
        <Space size={4} wrap>
          {manage ? null : (
            <Button size="small" type="primary" ghost onClick={() => navigate(paths.template(row.id))}>
              {t(rm.openCurrent)}
            </Button>
          )}
          {designer ? <TemplateActions template={row} /> : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(manage ? rm.manageTitle : rm.title)}
        subtitle={t(manage ? rm.manageSubtitle : rm.subtitle)}
        extra={
          designer ? (
            <>
              {manage ? null : <Button onClick={() => navigate(paths.manage)}>{t(rm.manageTitle)}</Button>}
              <NewTemplateButton />
            </>
          ) : null
        }
      />
      <FilterBar name={manage ? 'templateManageFilters' : 'templateFilters'} values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(rm.search)} width={240} />
        <SelectFilter
          name="active"
          label={t(rm.activeFilter)}
          width={130}
          options={[
            { value: 'true', label: t(rm.activeOnly) },
            { value: 'false', label: t(rm.inactiveOnly) },
          ]}
        />
      </FilterBar>
      <ListTable<ReportTemplateView> list={list} result={result} columns={columns} emptyText={t(rm.empty)} scroll={{ x: 1000 }} />
    </>
  );
}
