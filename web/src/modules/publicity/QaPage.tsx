import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { QA_TOPIC_LABELS, QA_TOPICS, type QaTopic } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../shared/errors';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { keys, paths, publicityApi, type EpidemicQaListQuery, type EpidemicQaView } from './api';
import { pm } from './messages';
import { QaForm } from './QaForm';

const LIST = { sorts: ['sortOrder'] as const, sort: 'sortOrder' as const, order: 'asc' as const };
const FILTERS = ['q', 'topic', 'published'] as const;
const EXCERPT = 80;

/** 防疫用品问答: the bureau's entries and those of the bureaus below it, drafts included. */
export function QaPage() {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const list = useListParams(LIST, FILTERS);
  const [editing, setEditing] = useState<EpidemicQaView | null | undefined>(undefined);
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as EpidemicQaListQuery;
  const result = useListQuery(keys.qa, query, publicityApi.qa);
  const refresh = () => void client.invalidateQueries({ queryKey: keys.qa });
  const toggle = useMutation({
    mutationFn: (row: EpidemicQaView) => publicityApi.setQaPublished(row.id, !row.published),
    onSuccess: (row) => {
      refresh();
      void message.success(t(row.published ? pm.qaPublished : pm.qaUnpublished));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (row: EpidemicQaView) => publicityApi.deleteQa(row.id),
    onSuccess: () => {
      refresh();
      void message.success(t(pm.qaDeleted));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const columns: TableColumnsType<EpidemicQaView> = [
    {
      title: t(pm.question),
      dataIndex: 'question',
      render: (question: string, row) => (
        <div>
          <Typography.Text strong>{question}</Typography.Text>
          <div className="secondary-text">{row.answer.length > EXCERPT ? `${row.answer.slice(0, EXCERPT)}…` : row.answer}</div>
        </div>
      ),
    },
    { title: t(pm.topic), dataIndex: 'topic', width: 100, render: (topic: QaTopic) => <Tag>{t(QA_TOPIC_LABELS[topic])}</Tag> },
    {
      title: t(pm.author),
      dataIndex: 'orgName',
      width: 200,
      render: (name: string, row) => (
        <Tooltip title={row.authorName}>
          <div>{name}</div>
          <div className="secondary-text">{row.regionName}</div>
        </Tooltip>
      ),
    },
    { title: t(pm.sortOrder), dataIndex: 'sortOrder', width: 100, align: 'right', ...list.sortable('sortOrder') },
    { title: t(pm.status), dataIndex: 'published', width: 90, render: (p: boolean) => (p ? <Tag color="success">{t(pm.live)}</Tag> : <Tag>{t(pm.draft)}</Tag>) },
    { title: t(pm.updatedAt), dataIndex: 'updatedAt', width: 150, render: formatDateTime },
    {
      title: t(common.actions),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(row)}>
            {t(common.edit)}
          </Button>
          <Popconfirm
            title={t(row.published ? pm.unpublishQaConfirm : pm.publishQaConfirm)}
            okText={t(row.published ? pm.unpublishQa : pm.publishQa)}
            cancelText={t(common.cancel)}
            onConfirm={() => toggle.mutateAsync(row).catch(() => undefined)}
          >
            <Button type="link" size="small">
              {t(row.published ? pm.unpublishQa : pm.publishQa)}
            </Button>
          </Popconfirm>
          {row.published ? (
            <Tooltip title={t(pm.deleteQaPublished)}>
              <Button type="link" size="small" danger disabled>
                {t(pm.deleteQa)}
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm
              title={t(pm.deleteQaConfirm)}
              okText={t(pm.deleteQa)}
              okButtonProps={{ danger: true }}
              cancelText={t(common.cancel)}
              onConfirm={() => remove.mutateAsync(row).catch(() => undefined)}
            >
              <Button type="link" size="small" danger>
                {t(pm.deleteQa)}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(pm.qaTitle)}
        subtitle={t(pm.qaSubtitle)}
        extra={
          <>
            <Button href={paths.publicQa} target="_blank" rel="noreferrer" icon={<ExportOutlined />}>
              {t(pm.openPortal)}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t(pm.newQa)}
            </Button>
          </>
        }
      />
      <FilterBar name="qaFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(pm.searchQa)} width={240} />
        <SelectFilter name="topic" label={t(pm.topic)} width={130} options={QA_TOPICS.map((topic) => ({ value: topic, label: t(QA_TOPIC_LABELS[topic]) }))} />
        <SelectFilter
          name="published"
          label={t(pm.filterPublished)}
          width={120}
          options={[
            { value: 'true', label: t(pm.live) },
            { value: 'false', label: t(pm.draft) },
          ]}
        />
      </FilterBar>
      <ListTable<EpidemicQaView> list={list} result={result} columns={columns} emptyText={t(pm.qaEmpty)} scroll={{ x: 1100 }} />
      <QaForm item={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </>
  );
}
