import { useState } from 'react';
import { App, Button, Checkbox, Empty, Flex, Input, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CATEGORY_GROUP_LABELS } from '@shijian/contracts';
import { categoriesApi } from '../../api/endpoints';
import type { ProductCategoryView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { CATEGORIES_KEY, useCategories } from '../../shared/categories';
import { errorMessage } from '../../shared/errors';
import { PageHeader, QueryError } from '../../shared/ui';
import { CategoryForm } from './CategoryForm';
import { cm } from './messages';

function ActiveToggle({ category }: { category: ProductCategoryView }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const toggle = useMutation({
    mutationFn: () => categoriesApi.update(category.code, { active: !category.active }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: CATEGORIES_KEY });
      void message.success(t(cm.saved));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (!category.active) {
    return (
      <Button type="link" size="small" loading={toggle.isPending} onClick={() => toggle.mutate()}>
        {t(cm.activate)}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t(cm.deactivateConfirm, { name: category.name })}
      description={t(cm.deactivateDetail)}
      okText={t(cm.deactivate)}
      okButtonProps={{ danger: true }}
      cancelText={t(common.cancel)}
      onConfirm={() => toggle.mutateAsync()}
    >
      <Button type="link" size="small" danger>
        {t(cm.deactivate)}
      </Button>
    </Popconfirm>
  );
}

/**
 * The category list is short and comes whole from the API, so this table pages,
 * sorts and filters in the browser.
 */
export function CategoriesPage() {
  const t = useT();
  const session = useSession();
  const writable = can(session, 'category.write');
  const categories = useCategories({ counts: true });
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(true);
  const [form, setForm] = useState<{ open: boolean; category?: ProductCategoryView }>({ open: false });

  const needle = search.trim().toLowerCase();
  const rows = (categories.data ?? [])
    .filter((c) => showInactive || c.active)
    .filter((c) => !needle || c.name.includes(needle) || c.code.includes(needle) || c.nameEn.toLowerCase().includes(needle));

  const columns: TableColumnsType<ProductCategoryView> = [
    { title: t(cm.sortOrder), dataIndex: 'sortOrder', width: 80, sorter: (a, b) => a.sortOrder - b.sortOrder, defaultSortOrder: 'ascend' },
    { title: t(cm.code), dataIndex: 'code', render: (c: string) => <span className="mono">{c}</span>, sorter: (a, b) => a.code.localeCompare(b.code) },
    { title: t(cm.name), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: t(cm.nameEn), dataIndex: 'nameEn' },
    {
      title: t(cm.group),
      dataIndex: 'group',
      render: (g: ProductCategoryView['group']) => <Tag color={g === 'epidemic' ? 'volcano' : 'blue'}>{t(CATEGORY_GROUP_LABELS[g])}</Tag>,
    },
    { title: t(cm.active), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t(cm.activeOn)}</Tag> : <Tag>{t(cm.activeOff)}</Tag>) },
    { title: t(cm.enterpriseCount), dataIndex: 'enterpriseCount', align: 'right', sorter: (a, b) => (a.enterpriseCount ?? 0) - (b.enterpriseCount ?? 0) },
  ];
  if (writable) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 140,
      render: (_, row) => (
        <Flex gap={4}>
          <Button type="link" size="small" onClick={() => setForm({ open: true, category: row })}>
            {t(common.edit)}
          </Button>
          <ActiveToggle category={row} />
        </Flex>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t(cm.title)}
        subtitle={t(cm.subtitle)}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })}>
              {t(cm.create)}
            </Button>
          ) : null
        }
      />
      <Flex className="filter-bar" gap={16} align="center" wrap>
        <Input.Search allowClear placeholder={t(cm.search)} style={{ width: 240 }} value={search} onChange={(e) => setSearch(e.target.value)} aria-label={t(cm.search)} />
        <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
          {t(cm.showInactive)}
        </Checkbox>
      </Flex>
      {categories.isError ? <QueryError error={categories.error} onRetry={() => void categories.refetch()} /> : null}
      <Table<ProductCategoryView>
        rowKey="code"
        columns={columns}
        dataSource={rows}
        loading={categories.isFetching}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t(common.total, { n }) }}
        locale={{ emptyText: categories.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={needle ? t({ zh: '没有符合条件的类别', en: 'No category matches' }) : t(cm.empty)} /> }}
      />
      <CategoryForm open={form.open} category={form.category} onClose={() => setForm((f) => ({ ...f, open: false }))} />
    </>
  );
}
