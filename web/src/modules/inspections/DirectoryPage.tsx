import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RISK_TIER_LABELS, RISK_TIERS, type RiskTier } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName, useCategoryOptions } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { RegionCascader } from '../../shared/RegionCascader';
import { scopeRegion } from '../../shared/scope';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { inspectionsApi, type DirectoryItemView, type DirectoryListQuery } from './api';
import { im } from './messages';
import { TierTag } from './tags';

const LIST = { sorts: ['name', 'uscc', 'regionCode'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'regionCode', 'category', 'tier'] as const;
type Filters = { q?: string; regionCode?: string; category?: string; tier?: string };

function DirectoryFilters({ values, within, onApply }: { values: Filters; within: string | null; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  const categories = useCategoryOptions();
  return (
    <Form name="directoryFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(im.searchEnterprise)} aria-label={t(im.searchEnterprise)} style={{ width: 220 }} onSearch={() => form.submit()} />
      </Form.Item>
      <Form.Item name="regionCode">
        <RegionCascader anyLevel within={within} placeholder={t(im.regionFilter)} style={{ width: 220 }} onChange={(regionCode) => onApply({ ...form.getFieldsValue(), regionCode })} />
      </Form.Item>
      <Form.Item name="category">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t(im.categoryFilter)}
          aria-label={t(im.categoryFilter)}
          style={{ width: 180 }}
          options={categories.options}
          onChange={(category?: string) => onApply({ ...form.getFieldsValue(), category })}
        />
      </Form.Item>
      <Form.Item name="tier">
        <Select
          allowClear
          placeholder={t(im.tierFilter)}
          aria-label={t(im.tierFilter)}
          style={{ width: 140 }}
          options={RISK_TIERS.map((tier) => ({ value: tier, label: t(RISK_TIER_LABELS[tier]) }))}
          onChange={(tier?: string) => onApply({ ...form.getFieldsValue(), tier })}
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

type TierValues = { tier: RiskTier; basis: string; assessedOn: string };

function TierModal({ item, onClose }: { item: DirectoryItemView | null; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<TierValues>();
  const save = useMutation({
    mutationFn: (v: TierValues) => inspectionsApi.setTier(item!.id, { tier: v.tier, basis: v.basis.trim(), assessedOn: v.assessedOn }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['inspections', 'directory'] });
      void message.success(t(im.tierSaved, { name: saved.name, tier: t(RISK_TIER_LABELS[saved.tier]) }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  if (!item) return null;
  return (
    <Modal
      open
      title={t(im.setTierTitle, { name: item.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      cancelText={t(common.cancel)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        name="riskTier"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ tier: item.tier, basis: item.tierBasis ?? '', assessedOn: dayjs().format('YYYY-MM-DD') }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="tier" label={t(im.tier)} rules={[{ required: true }]}>
          <Select options={RISK_TIERS.map((tier) => ({ value: tier, label: t(RISK_TIER_LABELS[tier]) }))} />
        </Form.Item>
        <Form.Item name="basis" label={t(im.basis)} rules={[{ required: true, whitespace: true, message: t(im.basisRequired) }, { max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="assessedOn" label={t(im.assessedOn)} rules={[{ required: true }]} {...isoDateField}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The inspection-object directory: enterprises in scope with their risk tier, filterable; admins set tiers. */
export function DirectoryPage() {
  const t = useT();
  const session = useSession();
  const categoryName = useCategoryName();
  const list = useListParams(LIST, FILTERS);
  const [editing, setEditing] = useState<DirectoryItemView | null>(null);
  const mayEdit = can(session, 'inspection.roster');
  const result = useQuery({
    queryKey: ['inspections', 'directory', list.query],
    queryFn: () => inspectionsApi.directory(list.query as DirectoryListQuery),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<DirectoryItemView> = [
    { title: t(im.enterpriseName), dataIndex: 'name', ...list.sortable('name') },
    { title: t(im.uscc), dataIndex: 'uscc', ...list.sortable('uscc'), render: (u: string) => <span className="mono">{u}</span> },
    { title: t(im.region), dataIndex: 'regionName', ...list.sortable('regionCode') },
    { title: t(im.categories), dataIndex: 'categories', render: (codes: string[]) => codes.map(categoryName).join('、') || '—' },
    { title: t(im.tier), dataIndex: 'tier', render: (tier: RiskTier, row) => <TierTag tier={tier} assessed={row.assessed} /> },
    {
      title: t(im.basis),
      dataIndex: 'tierBasis',
      render: (basis: string | null, row) => (basis ? `${basis}（${row.assessedOn}）` : '—'),
    },
    ...(mayEdit
      ? [
          {
            title: t(common.actions),
            key: 'actions',
            width: 100,
            render: (_: unknown, row: DirectoryItemView) => (
              <Button size="small" onClick={() => setEditing(row)}>
                {t(im.setTier)}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t(im.directoryTitle)} subtitle={t(im.directorySubtitle)} />
      <DirectoryFilters key={JSON.stringify(list.filters)} values={list.filters} within={scopeRegion(session)} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<DirectoryItemView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(result.data?.totalCapped ? common.totalAtLeast : common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(im.directoryEmpty)} /> }}
        scroll={{ x: 1000 }}
      />
      <TierModal item={editing} onClose={() => setEditing(null)} />
    </>
  );
}
