import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { calendarApi } from '../../api/endpoints';
import { useT } from '../../app/i18n';
import { isoDateField } from '../../shared/dateField';
import { errorMessage } from '../../shared/errors';
import { beijingToday, weekday } from '../../shared/format';
import { calm } from './messages';

type Values = { from: string; days: number };

/** "What date is 15 working days after this one?" — answered by the server's calendar. */
export function WorkingDayCalculator() {
  const t = useT();
  const [asked, setAsked] = useState<Values | null>(null);
  const answer = useQuery({
    queryKey: ['calendar', 'working-days', asked],
    queryFn: () => calendarApi.workingDays(asked!.from, asked!.days),
    enabled: asked !== null,
  });

  return (
    <Card title={t(calm.calculator)}>
      <Typography.Paragraph type="secondary">{t(calm.calculatorHint)}</Typography.Paragraph>
      <Form<Values> name="workingDays" layout="vertical" initialValues={{ from: dayjs(beijingToday()).format('YYYY-MM-DD'), days: 15 }} onFinish={setAsked}>
        <Form.Item name="from" label={t(calm.from)} rules={[{ required: true, message: t(calm.fromRequired) }]} {...isoDateField}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="days" label={t(calm.days)} rules={[{ required: true, message: t(calm.daysRequired) }]}>
          <InputNumber min={-366} max={366} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={answer.isFetching} block>
          {t(calm.compute)}
        </Button>
      </Form>
      {answer.isError ? <Alert type="error" showIcon title={errorMessage(answer.error)} style={{ marginTop: 16 }} /> : null}
      {answer.data ? (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          title={t(calm.result, { days: answer.data.days })}
          description={
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="working-day-result">
              {answer.data.result}（{weekday(answer.data.result)}）
            </Typography.Text>
          }
        />
      ) : null}
    </Card>
  );
}
