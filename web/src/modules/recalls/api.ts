import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, type Query } from '../../api/client';
import { enterprisesApi } from '../../api/endpoints';
import type { Paged } from '../../api/types';

/** Defect recall (缺陷召回), typed from the contracts. */
export type RecallView = C.RecallView;
export type RecallStatus = C.RecallStatus;
export type RecallProgressView = z.infer<typeof C.RecallProgressView>;
export type RecallSource = z.infer<typeof C.RecallSource>;
export type RiskLevel = z.infer<typeof C.RiskLevel>;
export type RecallMeasure = z.infer<typeof C.RecallMeasure>;
export type RecallListQuery = z.input<typeof C.RecallListQuery>;
export type RecallReportBody = z.input<typeof C.RecallReportBody>;
export type RecallAssessBody = z.input<typeof C.RecallAssessBody>;
export type RecallPlanBody = z.input<typeof C.RecallPlanBody>;
export type RecallProgressBody = z.input<typeof C.RecallProgressBody>;

/** Query keys: everything under 'recalls', so one invalidation refreshes the list and the detail. */
export const keys = {
  all: ['recalls'] as const,
  list: ['recalls', 'list'] as const,
  one: (recallId: string) => ['recalls', 'one', recallId] as const,
  ownEnterprises: (orgId: string) => ['recalls', 'own-enterprises', orgId] as const,
};

export const paths = {
  list: '/recalls',
  one: (recallId: string) => `/recalls/${encodeURIComponent(recallId)}`,
  /** The public notices on the portal (server-rendered, outside the app), searched by product or producer. */
  portal: (search?: string) => `/public/recalls${search ? `?q=${encodeURIComponent(search)}` : ''}`,
  /** The registry's list, searched by credit code, for those who may not open the archive. */
  enterprise: (uscc: string) => `/enterprises?q=${encodeURIComponent(uscc)}`,
};

const id = (value: string) => encodeURIComponent(value);
const q = (query: object) => query as Query;

export const recallsApi = {
  list: (query: RecallListQuery) => api.get<Paged<RecallView>>('/api/recalls', q(query)),
  get: (recallId: string) => api.get<RecallView>(`/api/recalls/${id(recallId)}`),
  /** A defect report (by the producer, or a regulator for it), an injury report or an investigation. */
  report: (body: RecallReportBody) => api.post<RecallView>('/api/recalls', body),
  assess: (recallId: string, body: RecallAssessBody) => api.post<RecallView>(`/api/recalls/${id(recallId)}/assess`, body),
  plan: (recallId: string, body: RecallPlanBody) => api.post<RecallView>(`/api/recalls/${id(recallId)}/plan`, body),
  publish: (recallId: string) => api.post<RecallView>(`/api/recalls/${id(recallId)}/publish`, {}),
  progress: (recallId: string, body: RecallProgressBody) => api.post<RecallView>(`/api/recalls/${id(recallId)}/progress`, body),
  /** The enterprises an enterprise user belongs to (the registry shows an enterprise its own): the producer it reports for. */
  ownEnterprises: async () => (await enterprisesApi.list({ pageSize: 20 })).items,
};
