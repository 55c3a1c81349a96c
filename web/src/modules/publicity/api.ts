import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, type Query } from '../../api/client';
import type { Paged } from '../../api/types';
import { casesApi, type CaseView } from '../enforcement/api';

/** Typical cases and the epidemic-goods Q&A published on the portal, typed from the contracts. */
export type TypicalCaseView = C.TypicalCaseView;
export type TypicalCaseListQuery = z.input<typeof C.TypicalCaseListQuery>;
export type TypicalCaseCreateBody = z.input<typeof C.TypicalCaseCreateBody>;
export type EpidemicQaView = C.EpidemicQaView;
export type EpidemicQaBody = z.input<typeof C.EpidemicQaBody>;
export type EpidemicQaListQuery = z.input<typeof C.EpidemicQaListQuery>;
export type { CaseView };

export const keys = {
  all: ['publicity'] as const,
  cases: ['publicity', 'cases'] as const,
  activeFor: (caseId: string) => ['publicity', 'cases', 'active-for', caseId] as const,
  candidates: ['publicity', 'candidates'] as const,
  qa: ['publicity', 'qa'] as const,
};

export const paths = {
  cases: '/publicity/cases',
  qa: '/publicity/qa',
  /** Server-rendered portal pages (no login), opened in a new tab. */
  publicCase: (id: string) => `/public/cases/${encodeURIComponent(id)}`,
  publicCases: '/public/cases',
  publicQa: '/public/qa',
  case: (caseId: string) => `/enforcement/cases/${encodeURIComponent(caseId)}`,
};

const id = (value: string) => encodeURIComponent(value);
const q = (query: object) => query as Query;

/** The stages a case may be published from: the penalty decision has been made. */
const PUBLISHABLE = ['decided', 'executed', 'closed'] as const;

export const publicityApi = {
  cases: (query: TypicalCaseListQuery) => api.get<Paged<TypicalCaseView>>('/api/typical-cases', q(query)),
  publish: (body: TypicalCaseCreateBody) => api.post<TypicalCaseView>('/api/typical-cases', body),
  withdraw: (caseId: string, reason: string) => api.post<TypicalCaseView>(`/api/typical-cases/${id(caseId)}/withdraw`, { reason }),
  /** The active publication of a case, if any: one per case. */
  activeFor: async (caseId: string) => (await api.get<Paged<TypicalCaseView>>('/api/typical-cases', { caseId, status: 'active', pageSize: 1 })).items[0] ?? null,
  /**
   * Cases that may be published, from the cases API: one page per publishable stage (the list
   * filters by one stage at a time), newest lead first.
   */
  candidates: async (search: string): Promise<CaseView[]> => {
    const pages = await Promise.all(PUBLISHABLE.map((stage) => casesApi.list({ stage, q: search || undefined, pageSize: 20, sort: 'leadOn', order: 'desc' })));
    return pages.flatMap((p) => p.items).sort((a, b) => b.leadOn.localeCompare(a.leadOn));
  },

  qa: (query: EpidemicQaListQuery) => api.get<Paged<EpidemicQaView>>('/api/epidemic-qa', q(query)),
  createQa: (body: EpidemicQaBody) => api.post<EpidemicQaView>('/api/epidemic-qa', body),
  updateQa: (qaId: string, body: EpidemicQaBody) => api.put<EpidemicQaView>(`/api/epidemic-qa/${id(qaId)}`, body),
  setQaPublished: (qaId: string, published: boolean) => api.post<EpidemicQaView>(`/api/epidemic-qa/${id(qaId)}/publish`, { published }),
  deleteQa: (qaId: string) => api.delete<{ ok: true }>(`/api/epidemic-qa/${id(qaId)}`),
};
