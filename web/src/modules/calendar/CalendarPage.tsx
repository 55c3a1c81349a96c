import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Empty, Flex, Popconfirm, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CALENDAR_DAY_KIND_LABELS } from '@shijian/contracts';
import { calendarApi } from '../../api/endpoints';
import type { CalendarDayView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { errorMessage } from '../../shared/errors';
import { beijingToday, weekday } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { CalendarDayForm } from './CalendarDayForm';
import { calm } from './messages';
import { WorkingDayCalculator } from './WorkingDayCalculator';

function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : dayjs(beijingToday()).year();
  return [year, (next) => setParams(next === dayjs(beijingToday()).year() ? {} : { year: String(next) }, { replace: true })];
}

function RemoveDay({ day }: { day: CalendarDayView }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const remove = useMutation({
    mutationFn: () => calendarApi.removeDay(day.date),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void message.success(t(calm.removed));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Popconfirm
      title={t(calm.removeConfirm, { date: day.date })}
      description={t(calm.removeDetail)}
      okText={t(calm.remove)}
      okButtonProps={{ danger: true }}
      cancelText={t(common.cancel)}
      onConfirm={() => remove.mutateAsync()}
    >
      <Button type="link" size="small" danger>
        {t(calm.remove)}
      </Button>
    </Popconfirm>
  );
}

export function CalendarPage() {
  const t = useT();
  const session = useSession();
  const writable = can(session, 'calendar.write');
  const [year, setYear] = useYear();
  const [form, setForm] = useState<{ open: boolean; day?: CalendarDayView }>({ open: false });
  const days = useQuery({ queryKey: ['calendar', 'year', year], queryFn: () => calendarApi.year(year) });
  const rows = [...(days.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const holidays = rows.filter((d) => d.kind === 'holiday').length;

  const columns: TableColumnsType<CalendarDayView> = [
    { title: t(calm.date), dataIndex: 'date', width: 120, render: (d: string) => <span className="mono">{d}</span> },
    { title: t(calm.weekday), key: 'weekday', width: 100, render: (_, row) => weekday(row.date) },
    {
      title: t(calm.kind),
      dataIndex: 'kind',
      width: 130,
      render: (kind: CalendarDayView['kind']) => <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(CALENDAR_DAY_KIND_LABELS[kind])}</Tag>,
    },
    { title: t(calm.name), dataIndex: 'name' },
    { title: t(calm.source), dataIndex: 'source', width: 110, render: (s: CalendarDayView['source']) => (s === 'official' ? t(calm.official) : t(calm.admin)) },
  ];
  if (writable) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 170,
      render: (_, row) => (
        <Flex gap={4}>
          <Button type="link" size="small" onClick={() => setForm({ open: true, day: row })}>
            {t(common.edit)}
          </Button>
          <RemoveDay day={row} />
        </Flex>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t(calm.title)}
        subtitle={t(calm.subtitle)}
        extra={
          <>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(d) => d && setYear(d.year())}
              aria-label={t(calm.year)}
            />
            {writable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })}>
                {t(calm.add)}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={days.data ? t(calm.summary, { year, holidays, workdays: rows.length - holidays }) : String(year)}>
            {days.isError ? <QueryError error={days.error} onRetry={() => void days.refetch()} /> : null}
            <Table<CalendarDayView>
              rowKey="date"
              size="small"
              columns={columns}
              dataSource={rows}
              loading={days.isFetching}
              pagination={false}
              locale={{ emptyText: days.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(calm.empty, { year })} /> }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <WorkingDayCalculator />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t(calm.ordinary)}
          </Typography.Paragraph>
        </Col>
      </Row>
      <CalendarDayForm open={form.open} day={form.day} existing={rows} onClose={() => setForm((f) => ({ ...f, open: false }))} />
    </>
  );
}
