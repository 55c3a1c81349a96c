import { Button, Form, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SAMPLE_SOURCE_LABELS, SAMPLE_SOURCES, SAMPLE_STATUS_LABELS, SAMPLE_STATUSES, type SampleStatus } from '@shijian/contracts';
import { labApi } from '../../api/endpoints';
import type { SampleListQuery, SampleView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { formatDateTime } from '../../shared/format';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { lm } from './messages';
import { JudgementTag, SampleStatusTag } from './tags';

const LIST = { sorts: ['receivedAt', 'sampleNo', 'productName'] as const, sort: 'receivedAt' as const, order: 'desc' as const };
const FILTERS = ['q', 'status', 'source'] as const;
type Filters = { q?: string; status?: string; source?: string };

function SampleFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  return (
    <Form name="sampleFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(lm.samplesSearch)} style={{ width: 240 }} onSearch={() => form.submit()} aria-label={t(lm.samplesSearch)} />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t(lm.status)}
          aria-label={t(lm.status)}
          style={{ width: 150 }}
          options={SAMPLE_STATUSES.map((s) => ({ value: s, label: t(SAMPLE_STATUS_LABELS[s]) }))}
          onChange={(status?: string) => onApply({ ...form.getFieldsValue(), status })}
        />
      </Form.Item>
      <Form.Item name="source">
        <Select
          allowClear
          placeholder={t(lm.source)}
          aria-label={t(lm.source)}
          style={{ width: 150 }}
          options={SAMPLE_SOURCES.map((s) => ({ value: s, label: t(SAMPLE_SOURCE_LABELS[s]) }))}
          onChange={(source?: string) => onApply({ ...form.getFieldsValue(), source })}
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
  const result = useQuery({
    queryKey: ['lab', 'samples', list.query],
    queryFn: () => labApi.samples(list.query as SampleListQuery),
    placeholderData: keepPreviousData,
  });
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
      <SampleFilters key={JSON.stringify(list.filters)} values={list.filters} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<SampleView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(lm.samplesEmpty)} /> }}
        scroll={{ x: 1000 }}
      />
    </>
  );
}
