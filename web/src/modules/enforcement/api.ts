import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, request, type Query } from '../../api/client';
import type { EnterprisePage, Paged } from '../../api/types';
import { can, type Who } from '../../app/permissions';

/** The enforcement module's API calls (cases, deadlines, the dishonesty list, the enterprise archive), typed from the contracts. */
export type CaseView = C.CaseView;
export type CaseDetailView = C.CaseDetailView;
export type CaseEventView = z.infer<typeof C.CaseEventView>;
export type CaseDocumentView = z.infer<typeof C.CaseDocumentView>;
export type CasePage = Paged<CaseView> & { totalCapped: boolean };
export type CaseListQuery = z.input<typeof C.CaseListQuery>;
export type CaseLeadBody = z.input<typeof C.CaseLeadBody>;
export type CaseTransitionBody = z.input<typeof C.CaseTransitionBody>;
export type CaseExtensionBody = z.input<typeof C.CaseExtensionBody>;
export type CaseFiguresBody = z.input<typeof C.CaseFiguresBody>;
export type CaseDocumentQuery = z.input<typeof C.CaseDocumentQuery>;
export type DeadlineQuery = z.input<typeof C.DeadlineQuery>;
export type DeadlineDashboard = C.DeadlineDashboard;
export type ListingView = C.ListingView;
export type ListingDetailView = z.infer<typeof C.ListingDetailView>;
export type RemovalApplicationView = z.infer<typeof C.RemovalApplicationView>;
export type ListingListQuery = z.input<typeof C.ListingListQuery>;
export type ListingCreateBody = z.input<typeof C.ListingCreateBody>;
export type RemovalApplicationBody = z.input<typeof C.RemovalApplicationBody>;
export type RemovalDecisionBody = z.input<typeof C.RemovalDecisionBody>;
export type EnterpriseArchive = C.EnterpriseArchive;
export type CampaignOption = { id: string; name: string };

/** Query keys: everything of the module under 'enforcement', so one invalidation refreshes lists and boards. */
export const caseKey = (caseId: string) => ['enforcement', 'case', caseId] as const;

const q = (query: object) => query as Query;
const id = (value: string) => encodeURIComponent(value);

export const casesApi = {
  list: (query: CaseListQuery) => api.get<CasePage>('/api/cases', q(query)),
  get: (caseId: string) => api.get<CaseDetailView>(`/api/cases/${id(caseId)}`),
  register: (body: CaseLeadBody) => api.post<CaseDetailView>('/api/cases', body),
  transition: (caseId: string, body: CaseTransitionBody) => api.post<CaseDetailView>(`/api/cases/${id(caseId)}/transition`, body),
  extend: (caseId: string, body: CaseExtensionBody) => api.post<CaseDetailView>(`/api/cases/${id(caseId)}/extensions`, body),
  figures: (caseId: string, body: CaseFiguresBody) => api.post<CaseDetailView>(`/api/cases/${id(caseId)}/figures`, body),
  deadlines: (query: DeadlineQuery) => api.get<DeadlineDashboard>('/api/cases/deadlines', q(query)),
  /** The file goes as it is (PDF, JPEG or PNG) with its own content type; title and file name ride in the query. */
  upload: (caseId: string, meta: CaseDocumentQuery, file: File) =>
    request<CaseDetailView>('POST', `/api/cases/${id(caseId)}/documents`, { query: q(meta), file: { data: file, type: file.type } }),
  /** Downloaded by the browser with the session cookie. */
  documentUrl: (caseId: string, documentId: string) => `/api/cases/${id(caseId)}/documents/${id(documentId)}`,
};

export const creditApi = {
  list: (query: ListingListQuery) => api.get<Paged<ListingView>>('/api/credit/listings', q(query)),
  get: (listingId: string) => api.get<ListingDetailView>(`/api/credit/listings/${id(listingId)}`),
  create: (body: ListingCreateBody) => api.post<ListingDetailView>('/api/credit/listings', body),
  apply: (listingId: string, body: RemovalApplicationBody) => api.post<ListingDetailView>(`/api/credit/listings/${id(listingId)}/removal-applications`, body),
  decide: (applicationId: string, body: RemovalDecisionBody) => api.post<ListingDetailView>(`/api/credit/removal-applications/${id(applicationId)}/decision`, body),
};

/** The server reads the archive for regulators (policy 'campaign.read'); links to it are offered to them only. */
export const mayOpenArchive = (who: Who) => can(who, 'campaign.read');
export const archivePath = (enterpriseId: string) => `/enforcement/archive/${encodeURIComponent(enterpriseId)}`;

export const archiveApi = {
  get: (enterpriseId: string) => api.get<EnterpriseArchive>(`/api/enterprises/${id(enterpriseId)}/archive`),
};

/** Registered enterprises by name or credit code prefix, for picking a party. */
export const lookupApi = {
  enterprises: (search: string) => api.get<EnterprisePage>('/api/enterprises', { q: search || undefined, pageSize: 20 }),
  campaigns: () => api.get<Paged<CampaignOption>>('/api/campaigns', { pageSize: 100 }),
};
