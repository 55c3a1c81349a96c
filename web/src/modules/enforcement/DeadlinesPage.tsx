import { Card, Col, Empty, Flex, Row, Segmented, Select, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CASE_CLOCK_LABELS, CASE_CLOCKS, DEADLINE_WINDOW_DAYS, type CaseClock, type CaseStage } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { formatDate } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { casesApi, type CaseView } from './api';
import { PartyCell } from './CasesPage';
import { xm } from './messages';
import { DaysLeftTag, StageTag } from './tags';

const WINDOWS = [DEADLINE_WINDOW_DAYS, 10, 15, 30] as const;

/** The clock and window from the URL, falling back to all clocks and the default five days. */
function useDeadlineFilters() {
  const [params, setParams] = useSearchParams();
  const clockParam = params.get('clock');
  const clock = (CASE_CLOCKS as readonly string[]).includes(clockParam ?? '') ? (clockParam as CaseClock) : undefined;
  const within = Number(params.get('within'));
  const withinDays = (WINDOWS as readonly number[]).includes(within) ? within : DEADLINE_WINDOW_DAYS;
  const set = (next: { clock?: CaseClock; withinDays?: number }) => {
    const merged = { clock, withinDays, ...next };
    const out = new URLSearchParams();
    if (merged.clock) out.set('clock', merged.clock);
    if (merged.withinDays !== DEADLINE_WINDOW_DAYS) out.set('within', String(merged.withinDays));
    setParams(out, { replace: true });
  };
  return { clock, withinDays, set };
}

/** 办案期限看板: cases past or near their filing or decision limit, soonest first. */
export function DeadlinesPage() {
  const t = useT();
  const filters = useDeadlineFilters();
  const board = useQuery({
    queryKey: ['enforcement', 'deadlines', filters.clock, filters.withinDays],
    queryFn: () => casesApi.deadlines({ clock: filters.clock, withinDays: filters.withinDays, limit: 200 }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<CaseView> = [
    {
      title: t(xm.dueOn),
      dataIndex: 'dueOn',
      width: 200,
      render: (due: string | null, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDate(due)} <DaysLeftTag daysLeft={row.daysLeft} />
        </span>
      ),
    },
    { title: t(xm.clock), dataIndex: 'clock', render: (c: CaseClock | null) => (c ? t(CASE_CLOCK_LABELS[c]) : '—') },
    { title: t(xm.caseNo), dataIndex: 'caseNo', render: (no: string, row) => <Link to={`/enforcement/cases/${row.id}`} className="mono" style={{ whiteSpace: 'nowrap' }}>{no}</Link> },
    { title: t(xm.party), key: 'party', render: (_, row) => <PartyCell name={row.partyName} uscc={row.partyUscc} enterpriseId={row.partyEnterpriseId} /> },
    { title: t(xm.stage), dataIndex: 'stage', render: (s: CaseStage) => <StageTag stage={s} /> },
    { title: t(xm.handlingOrg), dataIndex: 'orgName', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
  ];

  const counts = board.data?.counts ?? CASE_CLOCKS.filter((c) => !filters.clock || c === filters.clock).map((clock) => ({ clock, overdue: 0, dueSoon: 0 }));

  return (
    <>
      <PageHeader title={t(xm.deadlinesTitle)} subtitle={t(xm.deadlinesSubtitle, { today: board.data?.today ?? '…' })} />
      <Flex gap={12} wrap align="center" className="filter-bar">
        <Segmented<CaseClock | 'all'>
          value={filters.clock ?? 'all'}
          onChange={(value) => filters.set({ clock: value === 'all' ? undefined : value })}
          options={[{ value: 'all', label: t(xm.allClocks) }, ...CASE_CLOCKS.map((c) => ({ value: c, label: t(CASE_CLOCK_LABELS[c]) }))]}
        />
        <Select
          aria-label={t(xm.withinDays)}
          value={filters.withinDays}
          onChange={(withinDays: number) => filters.set({ withinDays })}
          style={{ width: 140 }}
          options={WINDOWS.map((n) => ({ value: n, label: t(xm.withinDaysOption, { n }) }))}
        />
      </Flex>
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {counts.map((c) => (
          <Col key={c.clock} xs={24} md={12}>
            <Card size="small" className="stat-card" title={t(CASE_CLOCK_LABELS[c.clock])}>
              <Row gutter={16}>
                <Col span={12}>
                  <Statistic title={t(xm.overdue)} value={c.overdue} loading={board.isPending} styles={{ content: { color: c.overdue ? '#cf1322' : undefined } }} />
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t(xm.dueSoon, { n: filters.withinDays })}
                    value={c.dueSoon}
                    loading={board.isPending}
                    styles={{ content: { color: c.dueSoon ? '#d46b08' : undefined } }}
                  />
                </Col>
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Table<CaseView>
          rowKey="id"
          columns={columns}
          dataSource={board.data?.items}
          loading={board.isFetching}
          pagination={(board.data?.items.length ?? 0) > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: board.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(xm.deadlinesEmpty)} /> }}
          scroll={{ x: 1000 }}
        />
      </Card>
    </>
  );
}
