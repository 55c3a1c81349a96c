import { useState } from 'react';
import { Button, Flex, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { inspectionsApi, type InspectorListQuery, type InspectorView } from './api';
import { im } from './messages';
import { ConflictModal, InspectorModal } from './RosterForms';

const LIST = { sorts: ['regionCode'] as const, sort: 'regionCode' as const, order: 'asc' as const };
const FILTERS = ['q', 'active', 'field'] as const;
type Filters = { q?: string; active?: string; field?: string };

function RosterFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  return (
    <Form name="rosterFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(im.searchInspector)} aria-label={t(im.searchInspector)} style={{ width: 220 }} onSearch={() => form.submit()} />
      </Form.Item>
      <Form.Item name="field">
        <Input allowClear placeholder={t(im.fields)} aria-label={t(im.fields)} style={{ width: 140 }} onPressEnter={() => form.submit()} />
      </Form.Item>
      <Form.Item name="active">
        <Select
          allowClear
          placeholder={t(im.active)}
          aria-label={t(im.active)}
          style={{ width: 130 }}
          options={[
            { value: 'true', label: t(im.activeYes) },
            { value: 'false', label: t(im.activeNo) },
          ]}
          onChange={(active?: string) => onApply({ ...form.getFieldsValue(), active })}
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
  const result = useQuery({
    queryKey: ['inspections', 'roster', list.query],
    queryFn: () => inspectionsApi.roster(list.query as InspectorListQuery),
    placeholderData: keepPreviousData,
  });

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
      <RosterFilters key={JSON.stringify(list.filters)} values={list.filters} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<InspectorView>
        rowKey="userId"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(im.rosterEmpty)} /> }}
        scroll={{ x: 1100 }}
      />
      <InspectorModal open={adding || Boolean(editing)} inspector={editing} onClose={() => {
          setAdding(false);
          setEditing(null);
        }} />
      <ConflictModal inspector={declaring} onClose={() => setDeclaring(null)} />
    </>
  );
}
