import { z } from 'zod';
import { CalendarDateParams, CalendarDayBody, CalendarDayView, CalendarQuery, OkBody, WorkingDaysQuery, WorkingDaysView } from '@shijian/contracts';
import type { App } from '../http/types.js';
import type { Calendar } from './service.js';

export function calendarRoutes(app: App, calendar: Calendar) {
  const tags = ['reference'];
  app.get(
    '/api/calendar',
    { schema: { tags, summary: '工作日历 Holidays and make-up workdays of a year', querystring: CalendarQuery, response: { 200: z.array(CalendarDayView) } } },
    (req) => calendar.listYear(req.query.year),
  );
  app.get(
    '/api/calendar/working-days',
    { schema: { tags, summary: '工作日推算 Add N working days', querystring: WorkingDaysQuery, response: { 200: WorkingDaysView } } },
    async (req) => ({ from: req.query.from, days: req.query.days, result: await calendar.addWorkingDays(req.query.from, req.query.days) }),
  );
  app.put(
    '/api/calendar/:date',
    { schema: { tags, summary: '设置日期 Set a holiday or workday', params: CalendarDateParams, body: CalendarDayBody, response: { 200: CalendarDayView } } },
    (req) => calendar.setDay(req.actor, req.params.date, req.body),
  );
  app.delete(
    '/api/calendar/:date',
    { schema: { tags, summary: '恢复为普通日 Remove an exception', params: CalendarDateParams, response: { 200: OkBody } } },
    async (req) => {
      await calendar.removeDay(req.actor, req.params.date);
      return { ok: true as const };
    },
  );
}
