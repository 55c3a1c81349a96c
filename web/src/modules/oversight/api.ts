import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, type Query } from '../../api/client';
import type { InstitutionView, Paged } from '../../api/types';

/** Checks of testing institutions (检验检测机构监督检查), typed from the contracts. */
export type InstitutionCheckView = C.InstitutionCheckView;
export type InstitutionCheckBody = z.input<typeof C.InstitutionCheckBody>;
export type InstitutionCheckListQuery = z.input<typeof C.InstitutionCheckListQuery>;
export type CheckLeadBody = z.input<typeof C.CheckLeadBody>;

export const CHECKS_KEY = ['oversight', 'checks'] as const;
export const checkKey = (checkId: string) => [...CHECKS_KEY, 'one', checkId] as const;

export const paths = {
  base: '/supervision/oversight',
  check: (checkId: string) => `/supervision/oversight/${encodeURIComponent(checkId)}`,
  case: (caseId: string) => `/enforcement/cases/${encodeURIComponent(caseId)}`,
};

const id = (value: string) => encodeURIComponent(value);

export const checksApi = {
  list: (query: InstitutionCheckListQuery) => api.get<Paged<InstitutionCheckView>>('/api/institution-checks', query as Query),
  get: (checkId: string) => api.get<InstitutionCheckView>(`/api/institution-checks/${id(checkId)}`),
  record: (body: InstitutionCheckBody) => api.post<InstitutionCheckView>('/api/institution-checks', body),
  openLead: (checkId: string, body: CheckLeadBody) => api.post<InstitutionCheckView>(`/api/institution-checks/${id(checkId)}/lead`, body),
  /** Institutions in the caller's scope by name, for picking the one checked. */
  institutions: (search: string) => api.get<Paged<InstitutionView>>('/api/institutions', { q: search || undefined, pageSize: 20 }),
};

/** A check found a problem when any report was untrue or fake. */
export const hasProblems = (c: Pick<InstitutionCheckView, 'untrueReports' | 'fakeReports'>) => c.untrueReports + c.fakeReports > 0;
