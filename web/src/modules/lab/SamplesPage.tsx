import { Button, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { SAMPLE_SOURCE_LABELS, SAMPLE_SOURCES, SAMPLE_STATUS_LABELS, SAMPLE_STATUSES, type SampleStatus } from '@shijian/contracts';
import { labApi } from '../../api/endpoints';
import type { SampleListQuery, SampleView } from '../../api/types';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { formatDateTime } from '../../shared/format';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { lm } from './messages';
import { JudgementTag, SampleStatusTag } from './tags';

const LIST = { sorts: ['receivedAt', 'sampleNo', 'productName'] as const, sort: 'receivedAt' as const, order: 'desc' as const };
const FILTERS = ['q', 'status', 'source'] as const;

/** Who asked for the test: the client, or the commissioning bureau; hidden from testers working blind. */
export function requesterOf(s: Pick<SampleView, 'clientName' | 'commissioningOrgName' | 'blind'>, blindText: string): string {
  if (s.blind) return blindText;
  return s.commissioningOrgName ?? s.clientName ?? '—';
}

/** Samples in scope: the institution's own, an enterprise's requests, or what a bureau (or one below it) commissioned. */
export function SamplesPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const list = useListParams(LIST, FILTERS);
  const result = useListQuery(['lab', 'samples'], list.query as SampleListQuery, labApi.samples);
  const ownLab = session.org.kind === 'institution';

  const columns: TableColumnsType<SampleView> = [
    {
      title: t(lm.sampleNo),
      dataIndex: 'sampleNo',
      ...list.sortable('sampleNo'),
      render: (no: string, row) => <Link to={`/lab/samples/${row.id}`} className="mono">{no}</Link>,
    },
    { title: t(lm.productName), dataIndex: 'productName', ...list.sortable('productName') },
    { title: t(lm.category), dataIndex: 'productCategory', render: (c: string) => categoryName(c) },
    { title: t(lm.source), dataIndex: 'source', render: (s: SampleView['source']) => t(SAMPLE_SOURCE_LABELS[s]) },
    ownLab
      ? { title: t(lm.requester), key: 'requester', render: (_, row) => <Typography.Text type={row.blind ? 'secondary' : undefined}>{requesterOf(row, t(lm.blindHidden))}</Typography.Text> }
      : { title: t(lm.institution), dataIndex: 'institutionName' },
    { title: t(lm.status), dataIndex: 'status', render: (s: SampleStatus) => <SampleStatusTag status={s} /> },
    { title: t(lm.conclusion), dataIndex: 'conclusion', render: (c: SampleView['conclusion']) => <JudgementTag judgement={c} /> },
    { title: t(lm.receivedAt), dataIndex: 'receivedAt', ...list.sortable('receivedAt'), render: formatDateTime },
  ];

  return (
    <>
      <PageHeader
        title={t(session.org.kind === 'enterprise' ? lm.samplesTitleClient : lm.samplesTitle)}
        subtitle={t(ownLab ? lm.samplesSubtitleLab : session.org.kind === 'enterprise' ? lm.samplesSubtitleClient : lm.samplesSubtitleRegulator)}
        extra={
          can(session, 'lab.sample.receive') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/lab/samples/new')}>
              {t(lm.receive)}
            </Button>
          ) : null
        }
      />
      <FilterBar name="sampleFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(lm.samplesSearch)} width={240} />
        <SelectFilter name="status" label={t(lm.status)} width={150} options={SAMPLE_STATUSES.map((s) => ({ value: s, label: t(SAMPLE_STATUS_LABELS[s]) }))} />
        <SelectFilter name="source" label={t(lm.source)} width={150} options={SAMPLE_SOURCES.map((s) => ({ value: s, label: t(SAMPLE_SOURCE_LABELS[s]) }))} />
      </FilterBar>
      <ListTable<SampleView> list={list} result={result} columns={columns} emptyText={t(lm.samplesEmpty)} scroll={{ x: 1000 }} />
    </>
  );
}
