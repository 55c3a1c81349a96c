import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PLACE_TYPE_LABELS, PLACE_TYPES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { DateRangeFilter, dateRange, FilterBar, SelectFilter, type WithDateRange } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { serviceAccess } from './access';
import { keys, paths, servicesApi, type DispatchListQuery, type DispatchView, type PlaceType } from './api';
import { DispatchForm } from './DispatchForm';
import { wm } from './messages';
import { PlaceTypeTag, RegionName } from './parts';
import { timeRange } from './time';

const LIST = { sorts: ['startsAt'] as const, sort: 'startsAt' as const, order: 'desc' as const };
const FILTERS = ['placeType', 'from', 'to'] as const;


/**
 * 上门服务: teams sent to hospitals, checkpoints, enterprises and crowded places. An institution
 * records and lists its own; a bureau reads those that served places in its area.
 */
export function OnsitePage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const [recording, setRecording] = useState(false);
  const writer = serviceAccess.onsiteWrite(session);
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as DispatchListQuery;
  const result = useListQuery(keys.dispatches, query, servicesApi.dispatches);
  const ownSide = session.org.kind === 'institution';
  const personTimes = (result.data?.items ?? []).reduce((n, d) => n + d.staff.length, 0);

  const columns: TableColumnsType<DispatchView> = [
    { title: t(wm.dispatchTime), width: 200, ...list.sortable('startsAt'), render: (_, d) => timeRange(d.startsAt, d.endsAt) },
    { title: t(wm.institution), dataIndex: 'institutionName', width: 190, hidden: ownSide },
    {
      title: t(wm.place),
      key: 'place',
      render: (_, d) => (
        <div>
          <Space size={4} wrap>
            <PlaceTypeTag type={d.placeType} />
            <Typography.Text strong>{d.placeName}</Typography.Text>
          </Space>
          <div className="secondary-text">
            <RegionName code={d.regionCode} />
          </div>
        </div>
      ),
    },
    { title: t(wm.team), dataIndex: 'team', width: 170 },
    {
      title: t(wm.staff),
      dataIndex: 'staff',
      width: 220,
      render: (staff: string[]) => (
        <Space size={[0, 4]} wrap>
          {staff.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t(wm.relatedRequest),
      key: 'request',
      width: 180,
      render: (_, d) =>
        d.requestId && d.requestNo ? (
          <Link to={paths.request(d.requestId)} className="mono">
            {d.requestNo}
          </Link>
        ) : (
          <span className="secondary-text">—</span>
        ),
    },
    { title: t(wm.dispatchNote), dataIndex: 'note', render: (n: string) => n || <span className="secondary-text">—</span> },
  ];

  return (
    <>
      <PageHeader
        title={t(wm.onsiteTitle)}
        subtitle={t(ownSide ? wm.onsiteSubtitleInstitution : wm.onsiteSubtitleRegulator)}
        extra={
          writer ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              {t(wm.recordDispatch)}
            </Button>
          ) : null
        }
      />
      <FilterBar<WithDateRange> name="dispatchFilters" values={list.filters} onApply={list.setFilters} {...dateRange} typed={[]}>
        <SelectFilter name="placeType" label={t(wm.placeType)} width={170} options={PLACE_TYPES.map((p: PlaceType) => ({ value: p, label: PLACE_TYPE_LABELS[p] }))} />
        <DateRangeFilter label={t(wm.dateRange)} />
      </FilterBar>
      {result.data?.items.length ? (
        <Typography.Paragraph type="secondary">{t(wm.personTimesOnPage, { n: result.data.items.length, p: personTimes })}</Typography.Paragraph>
      ) : null}
      <ListTable<DispatchView> list={list} result={result} columns={columns} emptyText={t(wm.onsiteEmpty)} scroll={{ x: 1200 }} />
      {writer ? <DispatchForm open={recording} onClose={() => setRecording(false)} /> : null}
    </>
  );
}
