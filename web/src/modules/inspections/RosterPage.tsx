import { useState } from 'react';
import { Button, Flex, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { FilterBar, SearchFilter, SelectFilter, TextFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { inspectionsApi, type InspectorListQuery, type InspectorView } from './api';
import { im } from './messages';
import { ConflictModal, InspectorModal } from './RosterForms';

const LIST = { sorts: ['regionCode'] as const, sort: 'regionCode' as const, order: 'asc' as const };
const FILTERS = ['q', 'active', 'field'] as const;

/** The inspector roster of the caller's subtree with declared conflicts; admins add, edit and declare. */
export function RosterPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<InspectorView | null>(null);
  const [declaring, setDeclaring] = useState<InspectorView | null>(null);
  const admin = can(session, 'inspection.roster');
  const mayDeclareOwn = can(session, 'inspection.record');
  const result = useListQuery(['inspections', 'roster'], list.query as InspectorListQuery, inspectionsApi.roster);

  const columns: TableColumnsType<InspectorView> = [
    { title: t(im.inspectorName), dataIndex: 'name' },
    { title: t(im.bureau), dataIndex: 'orgName', ...list.sortable('regionCode') },
    { title: t(im.enforcementId), dataIndex: 'enforcementId', render: (e: string) => <span className="mono">{e}</span> },
    { title: t(im.fields), dataIndex: 'fields', render: (fields: string[]) => fields.map((f) => <Tag key={f}>{f}</Tag>) },
    { title: t(im.active), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="success">{t(im.activeYes)}</Tag> : <Tag>{t(im.activeNo)}</Tag>) },
    {
      title: t(im.conflicts),
      dataIndex: 'conflicts',
      render: (conflicts: InspectorView['conflicts']) =>
        conflicts.length
          ? conflicts.map((c) => (
              <div key={c.id}>
                {c.enterpriseName} <span className="secondary-text">（{c.reason}，{c.declaredOn}）</span>
              </div>
            ))
          : t(im.noConflicts),
    },
    { title: t(im.openTargets), dataIndex: 'openTargets', align: 'right', width: 80 },
    {
      title: t(common.actions),
      key: 'actions',
      width: 170,
      render: (_, row) => (
        <Flex gap={8} wrap>
          {admin ? (
            <Button size="small" onClick={() => setEditing(row)}>
              {t(im.editInspector)}
            </Button>
          ) : null}
          {admin || (mayDeclareOwn && row.userId === session.user.id) ? (
            <Button size="small" danger onClick={() => setDeclaring(row)}>
              {t(im.declareConflict)}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(im.rosterTitle)}
        subtitle={t(im.rosterSubtitle)}
        extra={
          admin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t(im.addInspector)}
            </Button>
          ) : null
        }
      />
      <FilterBar name="rosterFilters" values={list.filters} onApply={list.setFilters} typed={['q', 'field']}>
        <SearchFilter label={t(im.searchInspector)} width={220} />
        <TextFilter name="field" placeholder={t(im.fields)} aria-label={t(im.fields)} width={140} />
        <SelectFilter
          name="active"
          label={t(im.active)}
          width={130}
          options={[
            { value: 'true', label: t(im.activeYes) },
            { value: 'false', label: t(im.activeNo) },
          ]}
        />
      </FilterBar>
      <ListTable<InspectorView> rowKey="userId" list={list} result={result} columns={columns} emptyText={t(im.rosterEmpty)} scroll={{ x: 1100 }} />
      <InspectorModal open={adding || Boolean(editing)} inspector={editing} onClose={() => {
          setAdding(false);
          setEditing(null);
        }} />
      <ConflictModal inspector={declaring} onClose={() => setDeclaring(null)} />
    </>
  );
}
