import { useState } from 'react';
import { Drawer, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useCategoryName } from '../../shared/categories';
import { PAGE_SIZES } from '../../shared/listParams';
import { QueryError } from '../../shared/ui';
import { keys, riskApi, signalQuery, type RiskSignalView, type SignalTarget } from './api';
import { DIMENSION_LABELS, km } from './messages';
import { formatScore, KindTag, Note, RegionName } from './parts';

/**
 * The signals behind one score (an enterprise, a product category or a region), newest first,
 * paged by the server: kind, date, what it is, its weight and what it still counts after decay.
 * `category` is the dashboard's filter, so the list matches the score it was opened from.
 */
export function SignalsDrawer({ target, category, onClose }: { target: SignalTarget | null; category?: string; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      size={880}
      destroyOnHidden
      title={target ? t(km.signalsTitle, { label: target.label }) : ''}
    >
      {target ? <SignalsList key={`${target.dimension}:${target.key}:${category ?? ''}`} target={target} category={category} /> : null}
    </Drawer>
  );
}

function SignalsList({ target, category }: { target: SignalTarget; category?: string }) {
  const t = useT();
  const categoryName = useCategoryName();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = signalQuery(target, category, page, pageSize);
  const result = useQuery({ queryKey: [...keys.signals, query], queryFn: () => riskApi.signals(query), placeholderData: keepPreviousData });
  const data = result.data;

  const columns: TableColumnsType<RiskSignalView> = [
    { title: t(km.signalKind), dataIndex: 'kind', width: 120, render: (kind: RiskSignalView['kind']) => <KindTag kind={kind} /> },
    { title: t(km.signalDate), dataIndex: 'date', width: 110 },
    {
      title: t(km.signalTitle),
      dataIndex: 'title',
      render: (title: string, s) => (
        <div>
          <div>{title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Space size={4} separator="·" wrap>
              {target.dimension !== 'enterprise' && s.enterpriseName ? <span>{s.enterpriseName}</span> : null}
              {target.dimension !== 'category' && s.category ? <span>{categoryName(s.category)}</span> : null}
              <RegionName code={s.regionCode} />
            </Space>
          </Typography.Text>
        </div>
      ),
    },
    { title: t(km.weight), dataIndex: 'weight', width: 90, align: 'right', render: (v: number) => formatScore(v) },
    { title: t(km.decayed), dataIndex: 'decayed', width: 110, align: 'right', render: (v: number) => <Typography.Text strong>{formatScore(v)}</Typography.Text> },
  ];

  return (
    <>
      <Space orientation="vertical" size={4} style={{ marginBottom: 12 }}>
        <Typography.Text>
          {t(DIMENSION_LABELS[target.dimension])}：{target.label}
          {category && target.dimension !== 'category' ? t(km.signalsOfCategory, { category: categoryName(category) }) : null}
        </Typography.Text>
        <Note>{t(km.signalsNote)}</Note>
      </Space>
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<RiskSignalView>
        rowKey={(s) => `${s.kind}:${s.id}`}
        size="small"
        columns={columns}
        dataSource={data?.items}
        loading={result.isFetching}
        locale={{ emptyText: result.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(km.signalsEmpty)} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (n) => t(common.total, { n }),
          onChange: (p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          },
        }}
        scroll={{ x: 760 }}
      />
    </>
  );
}
