import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RISK_TIER_LABELS, RISK_TIERS, type RiskTier } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName, useCategoryOptions } from '../../shared/categories';
import { isoDateField } from '../../shared/dateField';
import { showFormError } from '../../shared/errors';
import { FilterBar, RegionFilter, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { inspectionsApi, type DirectoryItemView, type DirectoryListQuery } from './api';
import { im } from './messages';
import { TierTag } from './tags';
import { beijingToday } from '../../shared/format';

const LIST = { sorts: ['name', 'uscc', 'regionCode'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'regionCode', 'category', 'tier'] as const;

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
        initialValues={{ tier: item.tier, basis: item.tierBasis ?? '', assessedOn: dayjs(beijingToday()).format('YYYY-MM-DD') }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="tier" label={t(im.tier)} rules={[{ required: true }]}>
          <Select options={RISK_TIERS.map((tier) => ({ value: tier, label: t(RISK_TIER_LABELS[tier]) }))} />
        </Form.Item>
        <Form.Item name="basis" label={t(im.basis)} rules={[{ required: true, whitespace: true, message: t(im.basisRequired) }, { max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="assessedOn" label={t(im.assessedOn)} rules={[{ required: true }]} {...isoDateField}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(beijingToday()).endOf('day'))} />
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
  const categories = useCategoryOptions();
  const list = useListParams(LIST, FILTERS);
  const [editing, setEditing] = useState<DirectoryItemView | null>(null);
  const mayEdit = can(session, 'inspection.roster');
  const result = useListQuery(['inspections', 'directory'], list.query as DirectoryListQuery, inspectionsApi.directory);

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
      <FilterBar name="directoryFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(im.searchEnterprise)} width={220} />
        <RegionFilter placeholder={t(im.regionFilter)} width={220} />
        <SelectFilter name="category" label={t(im.categoryFilter)} width={180} options={categories.options} showSearch={{ optionFilterProp: 'label' }} />
        <SelectFilter name="tier" label={t(im.tierFilter)} width={140} options={RISK_TIERS.map((tier) => ({ value: tier, label: t(RISK_TIER_LABELS[tier]) }))} />
      </FilterBar>
      <ListTable<DirectoryItemView> list={list} result={result} columns={columns} emptyText={t(im.directoryEmpty)} scroll={{ x: 1000 }} />
      <TierModal item={editing} onClose={() => setEditing(null)} />
    </>
  );
}
