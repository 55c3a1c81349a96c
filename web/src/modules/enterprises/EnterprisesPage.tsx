import { useState } from 'react';
import { Button, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ENTERPRISE_SIZE_LABELS } from '@shijian/contracts';
import { enterprisesApi } from '../../api/endpoints';
import type { EnterpriseListQuery, EnterpriseView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { formatDate } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { archivePath, mayOpenArchive } from '../enforcement/api';
import { EnterpriseDetail } from './EnterpriseDetail';
import { EnterpriseFilters } from './EnterpriseFilters';
import { EnterpriseForm } from './EnterpriseForm';
import { em } from './messages';

const LIST = { sorts: ['name', 'uscc', 'regionCode', 'createdAt'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'regionCode', 'size', 'category'] as const;

/** The drawer keeps its enterprise while it closes, so the title doesn't flip mid-animation. */
type Editing = { open: boolean; enterprise?: EnterpriseView };

export function EnterprisesPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const categoryName = useCategoryName();
  const [viewing, setViewing] = useState<EnterpriseView | null>(null);
  const [editing, setEditing] = useState<Editing>({ open: false });
  const writable = can(session, 'enterprise.write');

  const result = useListQuery(['enterprises'], list.query as EnterpriseListQuery, enterprisesApi.list);

  const columns: TableColumnsType<EnterpriseView> = [
    {
      title: t(em.name),
      dataIndex: 'name',
      ...list.sortable('name'),
      render: (name: string, row) => (
        <Typography.Link onClick={() => setViewing(row)} className="enterprise-name">
          {name}
        </Typography.Link>
      ),
    },
    { title: t(em.uscc), dataIndex: 'uscc', ...list.sortable('uscc'), render: (uscc: string) => <span className="mono">{uscc}</span> },
    { title: t(em.region), dataIndex: 'regionName', ...list.sortable('regionCode') },
    { title: t(em.size), dataIndex: 'size', width: 90, render: (size: EnterpriseView['size']) => t(ENTERPRISE_SIZE_LABELS[size]) },
    {
      title: t(em.categories),
      dataIndex: 'categories',
      render: (codes: string[]) => codes.map((c) => <Tag key={c}>{categoryName(c)}</Tag>),
    },
    { title: t(em.createdAt), dataIndex: 'createdAt', width: 120, ...list.sortable('createdAt'), render: formatDate },
  ];
  if (mayOpenArchive(session)) {
    columns.push({ title: '', key: 'archive', width: 90, render: (_, row) => <Link to={archivePath(row.id)}>{t({ zh: '专门档案', en: 'Archive' })}</Link> });
  }
  if (writable) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 80,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setEditing({ open: true, enterprise: row })}>
          {t(common.edit)}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t(em.title)}
        subtitle={t(em.subtitle)}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true })}>
              {t(em.create)}
            </Button>
          ) : null
        }
      />
      <EnterpriseFilters values={list.filters} onApply={list.setFilters} />
      <ListTable<EnterpriseView> list={list} result={result} columns={columns} emptyText={t(em.empty)} filteredText={t(em.emptyFiltered)} scroll={{ x: 960 }} />
      <EnterpriseDetail
        enterprise={viewing}
        onClose={() => setViewing(null)}
        onEdit={
          writable
            ? (e) => {
                setViewing(null);
                setEditing({ open: true, enterprise: e });
              }
            : undefined
        }
      />
      <EnterpriseForm open={editing.open} enterprise={editing.enterprise} onClose={() => setEditing((prev) => ({ ...prev, open: false }))} />
    </>
  );
}
