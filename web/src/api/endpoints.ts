import { api, request, type Query } from './client';
import type * as T from './types';

/** Every API call the web makes, one function each, typed from the contracts. */

const q = (query: object) => query as Query;
const id = (value: string) => encodeURIComponent(value);

export const authApi = {
  me: () => api.get<T.SessionView>('/api/auth/me'),
  login: (body: T.LoginBody) => api.post<T.SessionView>('/api/auth/login', body),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  changePassword: (body: T.ChangePasswordBody) => api.post<{ ok: true }>('/api/auth/password', body),
};

export const orgsApi = {
  list: (query: T.OrgListQuery) => api.get<T.Paged<T.OrgView>>('/api/orgs', q(query)),
  create: (body: T.OrgCreateBody) => api.post<T.OrgView>('/api/orgs', body),
  update: (orgId: string, body: T.OrgUpdateBody) => api.patch<T.OrgView>(`/api/orgs/${id(orgId)}`, body),
};

export const usersApi = {
  list: (query: T.UserListQuery) => api.get<T.Paged<T.UserView>>('/api/users', q(query)),
  create: (body: T.UserCreateBody) => api.post<T.UserView>('/api/users', body),
  update: (userId: string, body: T.UserUpdateBody) => api.patch<T.UserView>(`/api/users/${id(userId)}`, body),
  resetPassword: (userId: string, newPassword: string) =>
    api.post<T.UserView>(`/api/users/${id(userId)}/reset-password`, { newPassword }),
};

export const enterprisesApi = {
  list: (query: T.EnterpriseListQuery) => api.get<T.EnterprisePage>('/api/enterprises', q(query)),
  /** Enterprises in scope per product category, one request for the whole chart. */
  byCategory: () => api.get<T.EnterpriseCategoryCounts>('/api/enterprises/by-category'),
  create: (body: T.EnterpriseCreateBody) => api.post<T.EnterpriseView>('/api/enterprises', body),
  update: (enterpriseId: string, body: T.EnterpriseUpdateBody) =>
    api.patch<T.EnterpriseView>(`/api/enterprises/${id(enterpriseId)}`, body),
};

export const institutionsApi = {
  list: (query: T.InstitutionListQuery) => api.get<T.Paged<T.InstitutionView>>('/api/institutions', q(query)),
  get: (institutionId: string) => api.get<T.InstitutionDetailView>(`/api/institutions/${id(institutionId)}`),
  create: (body: T.InstitutionCreateBody) => api.post<T.InstitutionDetailView>('/api/institutions', body),
  update: (institutionId: string, body: T.InstitutionUpdateBody) =>
    api.patch<T.InstitutionDetailView>(`/api/institutions/${id(institutionId)}`, body),
  addScope: (institutionId: string, body: T.QualificationScopeBody) =>
    api.post<T.InstitutionDetailView>(`/api/institutions/${id(institutionId)}/scopes`, body),
  removeScope: (institutionId: string, scopeId: string) =>
    api.delete<T.InstitutionDetailView>(`/api/institutions/${id(institutionId)}/scopes/${id(scopeId)}`),
};

export const categoriesApi = {
  /** `counts`: with each category's enterprises nationwide (a scan; the categories page only). */
  list: (counts = false) => api.get<T.ProductCategoryView[]>('/api/product-categories', counts ? { counts: 'true' } : undefined),
  create: (body: T.ProductCategoryCreateBody) => api.post<T.ProductCategoryView>('/api/product-categories', body),
  update: (code: string, body: T.ProductCategoryUpdateBody) =>
    api.patch<T.ProductCategoryView>(`/api/product-categories/${id(code)}`, body),
};

export const regionsApi = {
  children: (parent?: string) => api.get<T.RegionView[]>('/api/regions', { parent }),
  path: (code: string) => api.get<{ path: T.RegionView[] }>(`/api/regions/${id(code)}/path`),
};

export const calendarApi = {
  year: (year: number) => api.get<T.CalendarDayView[]>('/api/calendar', { year }),
  setDay: (date: string, body: T.CalendarDayBody) => api.put<T.CalendarDayView>(`/api/calendar/${id(date)}`, body),
  removeDay: (date: string) => api.delete<{ ok: true }>(`/api/calendar/${id(date)}`),
  workingDays: (from: string, days: number) => api.get<T.WorkingDaysView>('/api/calendar/working-days', { from, days }),
};

export const auditApi = {
  list: (query: T.AuditListQuery) => api.get<T.Paged<T.AuditEntryView>>('/api/audit', q(query)),
  verify: () => api.post<T.AuditVerifyView>('/api/audit/verify'),
};

export const labApi = {
  testItems: (query: T.TestItemListQuery = {}) => api.get<T.Paged<T.TestItemView>>('/api/lab/test-items', q(query)),
  createTestItem: (body: T.TestItemBody) => api.post<T.TestItemView>('/api/lab/test-items', body),
  setTestItemActive: (itemId: string, active: boolean) => api.patch<T.TestItemView>(`/api/lab/test-items/${id(itemId)}`, { active }),

  samples: (query: T.SampleListQuery) => api.get<T.Paged<T.SampleView>>('/api/lab/samples', q(query)),
  sample: (sampleId: string) => api.get<T.SampleDetailView>(`/api/lab/samples/${id(sampleId)}`),
  receive: (body: T.SampleReceiveBody) => api.post<T.SampleDetailView>('/api/lab/samples', body),
  removeSample: (sampleId: string) => api.delete<never>(`/api/lab/samples/${id(sampleId)}`),
  assign: (sampleId: string, body: T.AssignBody) => api.post<T.SampleDetailView>(`/api/lab/samples/${id(sampleId)}/assign`, body),
  enterResult: (sampleId: string, testId: string, body: T.ResultBody) =>
    api.post<T.SampleDetailView>(`/api/lab/samples/${id(sampleId)}/tests/${id(testId)}/results`, body),
  submit: (sampleId: string) => api.post<T.SampleDetailView>(`/api/lab/samples/${id(sampleId)}/submit`),
  review: (sampleId: string) => api.post<T.SampleDetailView>(`/api/lab/samples/${id(sampleId)}/review`),
  returnForRework: (sampleId: string, reason: string) => api.post<T.SampleDetailView>(`/api/lab/samples/${id(sampleId)}/return`, { reason }),
  approve: (sampleId: string) => api.post<T.SampleDetailView>(`/api/lab/samples/${id(sampleId)}/approve`),
  issue: (sampleId: string) => api.post<T.ReportView>(`/api/lab/samples/${id(sampleId)}/issue`),
  /** The printable label (PDF with QR code), opened by the browser with the session cookie. */
  labelUrl: (sampleId: string) => `/api/lab/samples/${id(sampleId)}/label`,

  reports: (query: T.ReportListQuery) => api.get<T.Paged<T.ReportView>>('/api/lab/reports', q(query)),
  report: (reportId: string) => api.get<T.ReportView>(`/api/lab/reports/${id(reportId)}`),
  integrity: (reportId: string) => api.get<T.IntegrityReport>(`/api/lab/reports/${id(reportId)}/integrity`),
  reopen: (reportId: string, reason: string) => api.post<T.SampleDetailView>(`/api/lab/reports/${id(reportId)}/reopen`, { reason }),
  removeReport: (reportId: string) => api.delete<never>(`/api/lab/reports/${id(reportId)}`),
  reportPdfUrl: (reportId: string) => `/api/lab/reports/${id(reportId)}/pdf`,

  signatories: () => api.get<T.SignatoryView[]>('/api/lab/signatories'),
  testers: () => api.get<{ id: string; name: string }[]>('/api/lab/testers'),
  settings: () => api.get<T.LabSettingsView>('/api/lab/settings'),
  commissioningOrgs: () => api.get<{ id: string; name: string; level: string | null; regionCode: string | null }[]>('/api/lab/commissioning-orgs'),
  authorizeSignatory: (userId: string, domain: string) => api.post<T.SignatoryView[]>('/api/lab/signatories', { userId, domain }),
  setBlindTesting: (blindTesting: boolean) => api.put<T.LabSettingsView>('/api/lab/settings', { blindTesting }),
};

/** Public report verification: no login, and no cookie sent, so everyone gets the same answer. */
export const publicApi = {
  verify: (no: string, code: string) => request<T.PublicVerification>('GET', '/api/public/reports/verify', { query: { no, code }, credentials: 'omit' }),
  verifyFile: (file: Blob) =>
    request<T.PublicVerification>('POST', '/api/public/reports/verify-file', { file: { data: file, type: 'application/pdf' }, credentials: 'omit' }),
};

export const instrumentsApi = {
  list: (query: T.InstrumentListQuery) => api.get<T.Paged<T.InstrumentView>>('/api/instruments', q(query)),
  get: (instrumentId: string) => api.get<T.InstrumentDetailView>(`/api/instruments/${id(instrumentId)}`),
  create: (body: T.InstrumentCreateBody) => api.post<T.InstrumentDetailView>('/api/instruments', body),
  update: (instrumentId: string, body: T.InstrumentUpdateBody) => api.patch<T.InstrumentDetailView>(`/api/instruments/${id(instrumentId)}`, body),
  addVerification: (instrumentId: string, body: T.InstrumentVerificationBody) =>
    api.post<T.InstrumentDetailView>(`/api/instruments/${id(instrumentId)}/verifications`, body),
};
