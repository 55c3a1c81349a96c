/** GET routes of in-app notices: each user sees the notices of their own org. */
export const routes: string[] = [
  // reporting/reporting.test.ts › returns a report … tells the unit (another org's notice: 404 on read);
  // reporting-scope.test.ts › reminders (a unit that submitted gets none)
  'GET /api/notifications',
  'GET /api/notifications/unread',
];
