import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, request, type Query } from '../../api/client';
import type { Paged } from '../../api/types';

/** The campaigns module's API calls, typed from the contracts. */
export type CampaignView = C.CampaignView;
export type CampaignDetailView = C.CampaignDetailView;
export type CampaignListQuery = z.input<typeof C.CampaignListQuery>;
export type CampaignCreateBody = z.input<typeof C.CampaignCreateBody>;
export type CampaignUpdateBody = z.input<typeof C.CampaignUpdateBody>;
export type ScreeningView = C.ScreeningView;
export type ScreeningListQuery = z.input<typeof C.ScreeningListQuery>;
export type ScreeningCreateBody = z.input<typeof C.ScreeningCreateBody>;
export type RectificationBody = z.input<typeof C.RectificationBody>;
export type ImportJobView = C.ImportJobView;
export type ImportRowError = C.ImportRowError;
export type ProblemView = C.ProblemView;
export type ProblemListQuery = z.input<typeof C.ProblemListQuery>;
export type ProblemCreateBody = z.input<typeof C.ProblemCreateBody>;
export type ProblemUpdateBody = z.input<typeof C.ProblemUpdateBody>;
export type ProblemStatusBody = z.input<typeof C.ProblemStatusBody>;

/** The content type of an .xlsx upload (as the server's XLSX_TYPE). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const q = (query: object) => query as Query;
const id = (value: string) => encodeURIComponent(value);

export const campaignsApi = {
  list: (query: CampaignListQuery) => api.get<Paged<CampaignView>>('/api/campaigns', q(query)),
  get: (campaignId: string) => api.get<CampaignDetailView>(`/api/campaigns/${id(campaignId)}`),
  create: (body: CampaignCreateBody) => api.post<CampaignDetailView>('/api/campaigns', body),
  update: (campaignId: string, body: CampaignUpdateBody) => api.patch<CampaignDetailView>(`/api/campaigns/${id(campaignId)}`, body),

  screenings: (query: ScreeningListQuery) => api.get<Paged<ScreeningView>>('/api/screenings', q(query)),
  officers: () => api.get<string[]>('/api/screenings/officers'),
  recordScreening: (body: ScreeningCreateBody) => api.post<ScreeningView>('/api/screenings', body),
  rectify: (screeningId: string, body: RectificationBody) => api.post<ScreeningView>(`/api/screenings/${id(screeningId)}/rectification`, body),

  /** A link, not a fetch: the browser downloads the file with the session cookie. */
  templateUrl: (campaignId: string) => `/api/campaigns/${id(campaignId)}/screenings/import-template`,
  startImport: (campaignId: string, file: File) =>
    request<ImportJobView>('POST', `/api/campaigns/${id(campaignId)}/screenings/import`, { file: { data: file, type: XLSX_TYPE }, query: { fileName: file.name } }),
  importJob: (campaignId: string, jobId: string) => api.get<ImportJobView>(`/api/campaigns/${id(campaignId)}/screenings/imports/${id(jobId)}`),

  problems: (query: ProblemListQuery) => api.get<Paged<ProblemView>>('/api/problems', q(query)),
  createProblem: (body: ProblemCreateBody) => api.post<ProblemView>('/api/problems', body),
  updateProblem: (problemId: string, body: ProblemUpdateBody) => api.patch<ProblemView>(`/api/problems/${id(problemId)}`, body),
  setProblemStatus: (problemId: string, body: ProblemStatusBody) => api.post<ProblemView>(`/api/problems/${id(problemId)}/status`, body),
};

/** Query keys: every write invalidates the module's lists and counts at once. */
export const CAMPAIGNS_KEY = ['campaigns'] as const;
