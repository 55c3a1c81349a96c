import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SERVICE_KIND_LABELS, SERVICE_KINDS, type ServiceKind } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useCategoryName } from '../../shared/categories';
import { errorMessage } from '../../shared/errors';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { keys, servicesApi, type ServiceItemListQuery, type ServiceItemView } from './api';
import { ItemForm } from './ItemForm';
import { wm } from './messages';
import { ItemFeatures, KindTag, Standards, Yuan } from './parts';

const LIST = { sorts: ['name'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'kind', 'active'] as const;

/** 本机构服务项目: the institution's own items, withdrawn ones included, with publish and withdraw. */
export function ItemsPage() {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const categoryName = useCategoryName();
  const list = useListParams(LIST, FILTERS);
  const [editing, setEditing] = useState<ServiceItemView | null | undefined>(undefined);
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as ServiceItemListQuery;
  const result = useListQuery(keys.items, query, servicesApi.items);
  const toggle = useMutation({
    mutationFn: (item: ServiceItemView) => servicesApi.setItemActive(item.id, !item.active),
    onSuccess: (item) => {
      void client.invalidateQueries({ queryKey: keys.items });
      void client.invalidateQueries({ queryKey: keys.catalogue });
      void message.success(t(item.active ? wm.published : wm.withdrawn, { name: item.name }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const columns: TableColumnsType<ServiceItemView> = [
    {
      title: t(wm.itemName),
      dataIndex: 'name',
      ...list.sortable('name'),
      render: (name: string, row) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          {row.parameters ? <div className="secondary-text">{row.parameters}</div> : null}
        </div>
      ),
    },
    { title: t(wm.kind), dataIndex: 'kind', width: 120, render: (k: ServiceKind) => <KindTag kind={k} /> },
    { title: t(wm.standards), dataIndex: 'standards', width: 170, render: (s: string[]) => <Standards standards={s} /> },
    {
      title: t(wm.categories),
      dataIndex: 'categoryCodes',
      width: 160,
      render: (codes: string[]) =>
        codes.length ? (
          <Space size={[0, 4]} wrap>
            {codes.map((c) => (
              <Tag key={c}>{categoryName(c)}</Tag>
            ))}
          </Space>
        ) : (
          <span className="secondary-text">—</span>
        ),
    },
    { title: t(wm.fee), dataIndex: 'feeYuan', width: 110, align: 'right', render: (v: string) => <Yuan value={v} /> },
    { title: t(wm.turnaround), dataIndex: 'turnaroundDays', width: 110, render: (n: number) => t(wm.workingDays, { n }) },
    { title: t(wm.features), key: 'features', width: 130, render: (_, row) => <ItemFeatures item={row} /> },
    { title: t(wm.itemStatus), dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="success">{t(wm.active)}</Tag> : <Tag>{t(wm.inactive)}</Tag>) },
    {
      title: t(common.actions),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, item) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(item)}>
            {t(common.edit)}
          </Button>
          <Popconfirm
            title={t(item.active ? wm.withdrawConfirm : wm.publishConfirm, { name: item.name })}
            description={t(item.active ? wm.withdrawConfirmText : wm.publishConfirmText)}
            okText={t(item.active ? wm.withdraw : wm.publish)}
            okButtonProps={{ danger: item.active }}
            cancelText={t(common.cancel)}
            onConfirm={() => toggle.mutateAsync(item).catch(() => undefined)}
          >
            <Button type="link" size="small" danger={item.active}>
              {t(item.active ? wm.withdraw : wm.publish)}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(wm.itemsTitle)}
        subtitle={t(wm.itemsSubtitle)}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t(wm.newItem)}
          </Button>
        }
      />
      <FilterBar name="itemFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(wm.itemsSearch)} width={240} />
        <SelectFilter name="kind" label={t(wm.kind)} width={150} options={SERVICE_KINDS.map((k) => ({ value: k, label: t(SERVICE_KIND_LABELS[k]) }))} />
        <SelectFilter
          name="active"
          label={t(wm.itemStatus)}
          width={120}
          options={[
            { value: 'true', label: t(wm.active) },
            { value: 'false', label: t(wm.inactive) },
          ]}
        />
      </FilterBar>
      <ListTable<ServiceItemView> list={list} result={result} columns={columns} emptyText={t(wm.itemsEmpty)} scroll={{ x: 1200 }} />
      <ItemForm item={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </>
  );
}
