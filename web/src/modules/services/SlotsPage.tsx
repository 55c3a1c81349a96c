import { useState } from 'react';
import { App, Button, Popconfirm, Progress, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { errorMessage } from '../../shared/errors';
import { DateRangeFilter, dateRange, FilterBar, SelectFilter, type WithDateRange } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { serviceAccess } from './access';
import { keys, servicesApi, type SlotListQuery, type SlotView } from './api';
import { BookDrawer } from './BookDrawer';
import { wm } from './messages';
import { SlotModeTag, useOwnInstitution } from './parts';
import { SlotForm } from './SlotForm';
import { timeRange } from './time';

const LIST = { sorts: ['startsAt'] as const, sort: 'startsAt' as const, order: 'asc' as const };
const FILTERS = ['from', 'to', 'available'] as const;


function SlotState({ slot }: { slot: SlotView }) {
  const t = useT();
  if (slot.cancelled) return <Tag>{t(wm.slotCancelled)}</Tag>;
  if (slot.booked >= slot.capacity) return <Tag color="orange">{t(wm.slotFull)}</Tag>;
  return <Tag color="green">{t(wm.slotOpen)}</Tag>;
}

/**
 * 预约时段: the institution's upcoming slots with how many are booked; the front desk opens
 * new ones, cancels one nobody has booked, and enters a booking taken by phone.
 */
export function SlotsPage() {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const own = useOwnInstitution();
  const list = useListParams(LIST, FILTERS);
  const [opening, setOpening] = useState(false);
  const [phoneSlot, setPhoneSlot] = useState<string | undefined>(undefined);
  const writer = serviceAccess.handle(session);
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as SlotListQuery;
  const result = useListQuery(keys.slots, query, servicesApi.slots);
  const cancel = useMutation({
    mutationFn: (slot: SlotView) => servicesApi.cancelSlot(slot.id),
    onSuccess: (slot) => {
      void client.invalidateQueries({ queryKey: keys.slots });
      void message.success(t(wm.slotCancelledDone, { at: timeRange(slot.startsAt, slot.endsAt) }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const columns: TableColumnsType<SlotView> = [
    {
      title: t(wm.slot),
      ...list.sortable('startsAt'),
      render: (_, s) => (
        <div>
          <Typography.Text strong>{timeRange(s.startsAt, s.endsAt)}</Typography.Text>
          {s.note ? <div className="secondary-text">{s.note}</div> : null}
        </div>
      ),
    },
    { title: t(wm.slotMode), dataIndex: 'onSite', width: 110, render: (onSite: boolean) => <SlotModeTag onSite={onSite} /> },
    {
      title: t(wm.bookedOfCapacity),
      key: 'booked',
      width: 190,
      render: (_, s) => (
        <Space>
          <Progress percent={Math.round((s.booked * 100) / s.capacity)} showInfo={false} size="small" style={{ width: 80, margin: 0 }} status={s.booked >= s.capacity ? 'exception' : 'normal'} />
          <span data-testid="slot-booked">
            {s.booked} / {s.capacity}
          </span>
        </Space>
      ),
    },
    { title: t(wm.status), key: 'state', width: 100, render: (_, s) => <SlotState slot={s} /> },
  ];
  if (writer) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 190,
      render: (_, s) =>
        s.cancelled ? (
          <span className="secondary-text">—</span>
        ) : (
          <Space size={0}>
            {s.booked < s.capacity ? (
              <Button type="link" size="small" icon={<PhoneOutlined />} onClick={() => setPhoneSlot(s.id)}>
                {t(wm.phoneBooking)}
              </Button>
            ) : null}
            {s.booked === 0 ? (
              <Popconfirm
                title={t(wm.cancelSlotConfirm, { at: timeRange(s.startsAt, s.endsAt) })}
                description={t(wm.cancelSlotText)}
                okText={t(wm.cancelSlot)}
                okButtonProps={{ danger: true }}
                cancelText={t(common.cancel)}
                onConfirm={() => cancel.mutateAsync(s).catch(() => undefined)}
              >
                <Button type="link" size="small" danger>
                  {t(wm.cancelSlot)}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t(wm.slotsTitle)}
        subtitle={t(wm.slotsSubtitle)}
        extra={
          writer ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t(wm.openSlot)}
            </Button>
          ) : null
        }
      />
      <FilterBar<WithDateRange> name="slotFilters" values={list.filters} onApply={list.setFilters} {...dateRange} typed={[]}>
        <DateRangeFilter label={t(wm.dateRange)} />
        <SelectFilter name="available" label={t(wm.availability)} width={140} options={[{ value: 'true', label: t(wm.slotOpen) }]} />
      </FilterBar>
      <ListTable<SlotView> list={list} result={result} columns={columns} emptyText={t(wm.slotsEmpty)} scroll={{ x: 800 }} />
      {writer ? <SlotForm open={opening} onClose={() => setOpening(false)} /> : null}
      {writer && own ? (
        <BookDrawer institution={{ id: own.id, name: own.name }} staff slotId={phoneSlot} open={phoneSlot !== undefined} onClose={() => setPhoneSlot(undefined)} />
      ) : null}
    </>
  );
}
