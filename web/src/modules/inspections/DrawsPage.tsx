import { Button, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DRAW_MODE_LABELS, type DrawMode } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { inspectionsApi, type DrawListQuery, type DrawSummaryView } from './api';
import { im } from './messages';

const LIST = { sorts: ['drawnAt'] as const, sort: 'drawnAt' as const, order: 'desc' as const };
const FILTERS = ['q', 'published'] as const;
type Filters = { q?: string; published?: string };

function DrawFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  return (
    <Form name="drawFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(im.searchDraw)} aria-label={t(im.searchDraw)} style={{ width: 240 }} onSearch={() => form.submit()} />
      </Form.Item>
      <Form.Item name="published">
        <Select
          allowClear
          placeholder={t(im.publication)}
          aria-label={t(im.publication)}
          style={{ width: 140 }}
          options={[
            { value: 'true', label: t(im.published) },
            { value: 'false', label: t(im.unpublished) },
          ]}
          onChange={(published?: string) => onApply({ ...form.getFieldsValue(), published })}
        />
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

/** The draws of the caller's bureau and those below it, newest first. */
export function DrawsPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const result = useQuery({
    queryKey: ['inspections', 'draws', list.query],
    queryFn: () => inspectionsApi.draws(list.query as DrawListQuery),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<DrawSummaryView> = [
    { title: t(im.drawName), dataIndex: 'name', render: (name: string, row) => <Link to={`/supervision/inspections/draws/${row.id}`}>{name}</Link> },
    { title: t(im.bureauDrawn), dataIndex: 'orgName' },
    { title: t(im.method), dataIndex: 'mode', render: (mode: DrawMode) => t(DRAW_MODE_LABELS[mode]) },
    { title: t(im.drawnAt), dataIndex: 'drawnAt', ...list.sortable('drawnAt'), render: formatDateTime },
    { title: t(im.targets), dataIndex: 'targetCount', align: 'right', render: (n: number, row) => `${n} / ${row.candidateCount}` },
    { title: t(im.recorded), dataIndex: 'recordedCount', align: 'right' },
    {
      title: t(im.publication),
      dataIndex: 'publishedAt',
      render: (at: string | null) => (at ? <Tag color="success">{t(im.published)}</Tag> : <Tag>{t(im.unpublished)}</Tag>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(im.drawsTitle)}
        subtitle={t(im.drawsSubtitle)}
        extra={
          can(session, 'inspection.draw') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/supervision/inspections/draws/new')}>
              {t(im.newDraw)}
            </Button>
          ) : null
        }
      />
      <DrawFilters key={JSON.stringify(list.filters)} values={list.filters} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<DrawSummaryView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(im.drawsEmpty)} /> }}
        scroll={{ x: 900 }}
      />
    </>
  );
}
