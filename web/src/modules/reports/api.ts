import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, queryString, type Query } from '../../api/client';
import type { Paged } from '../../api/types';

/** The reporting module's API calls (统计报表: templates, periods, tables, submissions, completeness, drill-down, charts, exports). */
export type ReportTemplateView = C.ReportTemplateView;
export type ReportTemplateBody = z.input<typeof C.ReportTemplateBody>;
export type ReportTemplateUpdateBody = z.input<typeof C.ReportTemplateUpdateBody>;
export type ReportTemplateListQuery = z.input<typeof C.ReportTemplateListQuery>;
export type ReportDefinition = C.ReportTemplateDefinition;
export type ReportColumn = C.ReportColumn;
export type ReportPeriodView = C.ReportPeriodView;
export type OncePeriodBody = z.input<typeof C.OncePeriodBody>;
export type ReportTableView = C.ReportTableView;
export type SubmissionView = C.SubmissionView;
export type CompletenessView = C.CompletenessView;
export type CompletenessUnit = C.CompletenessUnit;
export type DrillRecord = C.DrillRecord;
export type DrillPage = Paged<DrillRecord> & { metric: { key: string; label: string } };
export type TrendView = z.infer<typeof C.TrendView>;
export type CompareView = z.infer<typeof C.CompareView>;
export type ExportFormat = C.ExportFormat;
/** An official form of the template library: a template body, with where it comes from and the campaign it belongs to. */
export type LibraryEntry = C.ReportTemplateBody & { source: string; campaign: 'epidemic' | 'testing' | null };

/** Which table of a period: a unit's (own or one below), or above the units the roll-up of submissions or the live figures. */
export type TableQuery = { unit?: string; mode?: 'rollup' | 'live' };

export const REPORTS_KEY = ['reports'] as const;
export const keys = {
  templates: [...REPORTS_KEY, 'templates'] as const,
  template: (templateId: string) => [...REPORTS_KEY, 'template', templateId] as const,
  periods: (templateId: string) => [...REPORTS_KEY, 'template', templateId, 'periods'] as const,
  /** Everything about one period: its tables, completeness, compare and drill-downs. */
  period: (templateId: string, key: string) => [...REPORTS_KEY, 'template', templateId, 'period', key] as const,
  /** One table of a period: a unit's (own when no unit is named) or, above the units, the roll-up or the live figures. */
  table: (templateId: string, key: string, q: TableQuery) => [...REPORTS_KEY, 'template', templateId, 'period', key, 'table', q.unit ?? '', q.mode ?? ''] as const,
  library: [...REPORTS_KEY, 'library'] as const,
};

export const paths = {
  list: '/reports',
  manage: '/reports/templates',
  newTemplate: '/reports/templates/new',
  edit: (templateId: string) => `/reports/templates/${encodeURIComponent(templateId)}/edit`,
  copy: (templateId: string) => `/reports/templates/new?from=${encodeURIComponent(templateId)}`,
  template: (templateId: string) => `/reports/${encodeURIComponent(templateId)}`,
  period: (templateId: string, key: string) => `/reports/${encodeURIComponent(templateId)}/periods/${encodeURIComponent(key)}`,
};

const id = (value: string) => encodeURIComponent(value);
const base = (templateId: string) => `/api/reports/templates/${id(templateId)}`;
const periodBase = (templateId: string, key: string) => `${base(templateId)}/periods/${id(key)}`;

export const reportsApi = {
  library: () => api.get<LibraryEntry[]>('/api/reports/library'),
  templates: (query: ReportTemplateListQuery) => api.get<Paged<ReportTemplateView>>('/api/reports/templates', query as Query),
  template: (templateId: string) => api.get<ReportTemplateView>(base(templateId)),
  create: (body: ReportTemplateBody) => api.post<ReportTemplateView>('/api/reports/templates', body),
  update: (templateId: string, body: ReportTemplateUpdateBody) => api.put<ReportTemplateView>(base(templateId), body),
  setActive: (templateId: string, active: boolean) => api.post<ReportTemplateView>(`${base(templateId)}/active`, { active }),

  periods: (templateId: string, count = 12) => api.get<ReportPeriodView[]>(`${base(templateId)}/periods`, { count }),
  createPeriod: (templateId: string, body: OncePeriodBody) => api.post<ReportPeriodView>(`${base(templateId)}/periods`, body),

  table: (templateId: string, key: string, query: TableQuery) => api.get<ReportTableView>(`${periodBase(templateId, key)}/table`, query),
  setCell: (templateId: string, key: string, cell: string, body: { value: string; note: string }) =>
    api.put<ReportTableView>(`${periodBase(templateId, key)}/cells/${id(cell)}`, body),
  submit: (templateId: string, key: string, body: { filledBy: string; phone: string }) => api.post<ReportTableView>(`${periodBase(templateId, key)}/submit`, body),
  completeness: (templateId: string, key: string) => api.get<CompletenessView>(`${periodBase(templateId, key)}/completeness`),
  excuse: (templateId: string, key: string, unitId: string, reason: string) =>
    api.post<SubmissionView>(`${periodBase(templateId, key)}/units/${id(unitId)}/exception`, { reason }),
  accept: (submissionId: string) => api.post<SubmissionView>(`/api/reports/submissions/${id(submissionId)}/accept`),
  returnTo: (submissionId: string, reason: string) => api.post<SubmissionView>(`/api/reports/submissions/${id(submissionId)}/return`, { reason }),

  records: (templateId: string, key: string, cell: string, query: { unit?: string; page: number; pageSize: number }) =>
    api.get<DrillPage>(`${periodBase(templateId, key)}/cells/${id(cell)}/records`, query),
  compare: (templateId: string, key: string, cell: string) => api.get<CompareView>(`${periodBase(templateId, key)}/compare`, { cell }),
  trend: (templateId: string, cell: string, periods: number, unit?: string) => api.get<TrendView>(`${base(templateId)}/trend`, { cell, periods, unit }),
  /** Downloaded by the browser with the session cookie (the server names the file). */
  exportUrl: (templateId: string, key: string, format: ExportFormat, query: TableQuery) => `${periodBase(templateId, key)}/export${queryString({ format, ...query })}`,
};
