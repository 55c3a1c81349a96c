import { Button, Form, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  VIOLATION_CATEGORIES,
  VIOLATION_CATEGORY_LABELS,
  type CaseSource,
  type CaseStage,
  type ViolationCategory,
} from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { archivePath, casesApi, mayOpenArchive, type CaseListQuery, type CaseView } from './api';
import { xm } from './messages';
import { DueCell, StageTag } from './tags';

const LIST = { sorts: ['leadOn', 'dueOn', 'caseNo'] as const, sort: 'leadOn' as const, order: 'desc' as const };
const FILTERS = ['q', 'stage', 'source', 'violationCategory'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function CaseFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  const select = (name: keyof Filters, label: string, options: { value: string; label: string }[], width = 150) => (
    <Form.Item name={name}>
      <Select allowClear placeholder={label} aria-label={label} style={{ width }} options={options} onChange={(value?: string) => onApply({ ...form.getFieldsValue(), [name]: value })} />
    </Form.Item>
  );
  return (
    <Form name="caseFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(xm.search)} aria-label={t(xm.search)} style={{ width: 260 }} onSearch={() => form.submit()} />
      </Form.Item>
      {select('stage', t(xm.stage), CASE_STAGES.map((s) => ({ value: s, label: t(CASE_STAGE_LABELS[s]) })), 140)}
      {select('source', t(xm.source), CASE_SOURCES.map((s) => ({ value: s, label: t(CASE_SOURCE_LABELS[s]) })))}
      {select('violationCategory', t(xm.violationCategory), VIOLATION_CATEGORIES.map((c) => ({ value: c, label: t(VIOLATION_CATEGORY_LABELS[c]) })), 170)}
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t(common.search)}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onApply({})}>{t(common.reset)}</Button>
      </Form.Item>
    </Form>
  );
}

/** The party's name, linked to the enterprise archive when the party is a registered enterprise. */
export function PartyCell({ name, uscc, enterpriseId }: { name: string; uscc: string | null; enterpriseId: string | null }) {
  const session = useSession();
  return (
    <div>
      {enterpriseId && mayOpenArchive(session) ? <Link to={archivePath(enterpriseId)}>{name}</Link> : name}
      {uscc ? <div className="mono secondary-text">{uscc}</div> : null}
    </div>
  );
}

/** Cases in the caller's region, with the running statutory clock of each. */
export function CasesPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const result = useQuery({
    queryKey: ['enforcement', 'cases', list.query],
    queryFn: () => casesApi.list(list.query as CaseListQuery),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<CaseView> = [
    {
      title: t(xm.caseNo),
      dataIndex: 'caseNo',
      ...list.sortable('caseNo'),
      render: (no: string, row) => (
        <Link to={`/enforcement/cases/${row.id}`} className="mono" style={{ whiteSpace: 'nowrap' }}>
          {no}
        </Link>
      ),
    },
    { title: t(xm.party), key: 'party', render: (_, row) => <PartyCell name={row.partyName} uscc={row.partyUscc} enterpriseId={row.partyEnterpriseId} /> },
    { title: t(xm.violationCategory), dataIndex: 'violationCategory', render: (c: ViolationCategory) => t(VIOLATION_CATEGORY_LABELS[c]) },
    { title: t(xm.source), dataIndex: 'source', render: (s: CaseSource) => t(CASE_SOURCE_LABELS[s]) },
    { title: t(xm.stage), dataIndex: 'stage', render: (s: CaseStage) => <StageTag stage={s} /> },
    { title: t(xm.leadOn), dataIndex: 'leadOn', width: 120, ...list.sortable('leadOn'), render: formatDate },
    { title: t(xm.dueOn), dataIndex: 'dueOn', ...list.sortable('dueOn'), render: (_, row) => <DueCell clock={row.clock} dueOn={row.dueOn} daysLeft={row.daysLeft} /> },
    { title: t(xm.handlingOrg), dataIndex: 'orgName', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
  ];

  return (
    <>
      <PageHeader
        title={t(xm.casesTitle)}
        subtitle={t(xm.casesSubtitle)}
        extra={
          can(session, 'case.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enforcement/cases/new')}>
              {t(xm.newLead)}
            </Button>
          ) : null
        }
      />
      <CaseFilters key={JSON.stringify(list.filters)} values={list.filters} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<CaseView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(result.data?.totalCapped ? common.totalAtLeast : common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(xm.casesEmpty)} /> }}
        scroll={{ x: 1100 }}
      />
    </>
  );
}
