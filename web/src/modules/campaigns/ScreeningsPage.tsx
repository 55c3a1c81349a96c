import { useState } from 'react';
import { Button, Form, Input, Segmented, Select, Table } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { RECTIFICATION_STATUS_LABELS, RECTIFICATION_STATUSES, SCREENING_RESULT_LABELS, SCREENING_RESULTS } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryOptions } from '../../shared/categories';
import { RegionCascader } from '../../shared/RegionCascader';
import { scopeRegion } from '../../shared/scope';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { CAMPAIGNS_KEY, campaignsApi, type ScreeningListQuery, type ScreeningView } from './api';
import { ImportModal } from './ImportModal';
import { cm } from './messages';
import { ScreeningDetail, useScreeningColumns } from './ScreeningTable';
import { ScreeningForm } from './ScreeningForm';
import { useCampaignOptions } from './tags';

const LIST = { sorts: ['screenedOn', 'rectificationDeadline', 'enterpriseName', 'createdAt'] as const, sort: 'screenedOn' as const, order: 'desc' as const };
const FILTERS = ['campaignId', 'category', 'result', 'rectificationStatus', 'overdue', 'q', 'regionCode'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type View = 'all' | 'pending' | 'overdue';

const viewOf = (f: Filters): View => (f.overdue === 'true' ? 'overdue' : f.rectificationStatus === 'pending' ? 'pending' : 'all');

function ScreeningFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const session = useSession();
  const [form] = Form.useForm<Filters>();
  const categories = useCategoryOptions();
  const campaigns = useCampaignOptions();
  const apply = (patch: Filters) => onApply({ ...values, ...form.getFieldsValue(), ...patch });
  return (
    <Form name="screeningFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={() => apply({})}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(cm.enterpriseFilter)} style={{ width: 220 }} onSearch={() => form.submit()} aria-label={t(cm.enterpriseFilter)} />
      </Form.Item>
      <Form.Item name="campaignId">
        <Select
          allowClear
          placeholder={t(cm.campaignFilter)}
          style={{ width: 260 }}
          options={campaigns.options}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(campaignId?: string) => apply({ campaignId })}
        />
      </Form.Item>
      <Form.Item name="category">
        <Select allowClear placeholder={t(cm.categoryFilter)} style={{ width: 170 }} options={categories.options} showSearch={{ optionFilterProp: 'label' }} onChange={(category?: string) => apply({ category })} />
      </Form.Item>
      <Form.Item name="result">
        <Select
          allowClear
          placeholder={t(cm.resultFilter)}
          style={{ width: 110 }}
          options={SCREENING_RESULTS.map((r) => ({ value: r, label: t(SCREENING_RESULT_LABELS[r]) }))}
          onChange={(result?: string) => apply({ result })}
        />
      </Form.Item>
      <Form.Item name="rectificationStatus">
        <Select
          allowClear
          placeholder={t(cm.statusFilter)}
          style={{ width: 120 }}
          options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: t(RECTIFICATION_STATUS_LABELS[s]) }))}
          onChange={(rectificationStatus?: string) => apply({ rectificationStatus })}
        />
      </Form.Item>
      <Form.Item name="regionCode">
        <RegionCascader anyLevel within={scopeRegion(session)} placeholder={t(cm.regionFilter)} style={{ width: 200 }} onChange={(regionCode) => apply({ regionCode })} />
      </Form.Item>
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

/** 生产企业排查: every screening in scope, with the rectification queue (整改中 / 已逾期) one click away. */
export function ScreeningsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const writable = can(session, 'screening.write');
  const { columns, modal } = useScreeningColumns({ sortable: list.sortable });

  const result = useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'screenings', list.query],
    queryFn: () => campaignsApi.screenings(list.query as ScreeningListQuery),
    placeholderData: keepPreviousData,
  });
  const view = viewOf(list.filters);
  const setView = (v: View) => {
    const { overdue: _o, rectificationStatus: _r, ...rest } = list.filters;
    list.setFilters(v === 'overdue' ? { ...rest, overdue: 'true' } : v === 'pending' ? { ...rest, rectificationStatus: 'pending' } : rest);
  };

  return (
    <>
      <PageHeader
        title={t(cm.screeningsTitle)}
        subtitle={t(cm.screeningsSubtitle)}
        extra={
          writable ? (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t(cm.import)}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
                {t(cm.record)}
              </Button>
            </>
          ) : null
        }
      />
      <Segmented<View>
        className="queue-switch"
        value={view}
        onChange={setView}
        options={[
          { value: 'all', label: t(cm.viewAll) },
          { value: 'pending', label: t(cm.viewPending) },
          { value: 'overdue', label: t(cm.viewOverdue) },
        ]}
        style={{ marginBottom: 12 }}
      />
      <ScreeningFilters key={JSON.stringify(list.filters)} values={list.filters} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<ScreeningView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        expandable={{ expandedRowRender: (row) => <ScreeningDetail row={row} /> }}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{
          emptyText: result.isPending ? ' ' : view === 'overdue' && Object.keys(list.filters).length === 1 ? t(cm.overdueEmpty) : (
            <ListEmpty filtered={list.hasFilters} emptyText={t(cm.screeningsEmpty)} filteredText={t(cm.screeningsEmptyFiltered)} />
          ),
        }}
        scroll={{ x: 1250 }}
      />
      {modal}
      <ScreeningForm open={recording} onClose={() => setRecording(false)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
