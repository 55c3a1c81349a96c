import { Button, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { DRAW_MODE_LABELS, type DrawMode } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { inspectionsApi, type DrawListQuery, type DrawSummaryView } from './api';
import { im } from './messages';
import { PublicationTag } from './tags';

const LIST = { sorts: ['drawnAt'] as const, sort: 'drawnAt' as const, order: 'desc' as const };
const FILTERS = ['q', 'published'] as const;

/** The draws of the caller's bureau and those below it, newest first. */
export function DrawsPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const result = useListQuery(['inspections', 'draws'], list.query as DrawListQuery, inspectionsApi.draws);

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
      render: (at: string | null) => <PublicationTag published={Boolean(at)} />,
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
      <FilterBar name="drawFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(im.searchDraw)} width={240} />
        <SelectFilter
          name="published"
          label={t(im.publication)}
          width={140}
          options={[
            { value: 'true', label: t(im.published) },
            { value: 'false', label: t(im.unpublished) },
          ]}
        />
      </FilterBar>
      <ListTable<DrawSummaryView> list={list} result={result} columns={columns} emptyText={t(im.drawsEmpty)} scroll={{ x: 900 }} />
    </>
  );
}
