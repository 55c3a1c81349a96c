import { api, type Query } from './client';
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
  list: (query: T.EnterpriseListQuery) => api.get<T.Paged<T.EnterpriseView>>('/api/enterprises', q(query)),
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
  list: () => api.get<T.ProductCategoryView[]>('/api/product-categories'),
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
