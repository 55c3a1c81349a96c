import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, type Query } from '../../api/client';
import type { Paged } from '../../api/types';

/** Complaints and reports (投诉举报), typed from the contracts. */
export type ComplaintView = C.ComplaintView;
export type ComplaintKind = C.ComplaintKind;
export type ComplaintStatus = C.ComplaintStatus;
export type ComplaintChannel = z.infer<typeof C.ComplaintChannel>;
export type ComplaintListQuery = z.input<typeof C.ComplaintListQuery>;
export type StaffComplaintBody = z.input<typeof C.StaffComplaintBody>;
export type ComplaintDecisionBody = z.input<typeof C.ComplaintDecisionBody>;
export type MediationBody = z.input<typeof C.MediationBody>;
export type ComplaintReplyBody = z.input<typeof C.ComplaintReplyBody>;
export type ComplaintLeadBody = z.input<typeof C.ComplaintLeadBody>;

/** Query keys: everything under 'complaints', so one invalidation refreshes the lists and the detail. */
export const keys = {
  all: ['complaints'] as const,
  list: ['complaints', 'list'] as const,
  one: (complaintId: string) => ['complaints', 'one', complaintId] as const,
};

export const paths = {
  list: '/complaints',
  overdue: '/complaints?overdue=true',
  one: (complaintId: string) => `/complaints/${encodeURIComponent(complaintId)}`,
  /** The case a complaint became, in the enforcement module. */
  case: (caseId: string) => `/enforcement/cases/${encodeURIComponent(caseId)}`,
};

const id = (value: string) => encodeURIComponent(value);
const q = (query: object) => query as Query;

export const complaintsApi = {
  list: (query: ComplaintListQuery) => api.get<Paged<ComplaintView>>('/api/complaints', q(query)),
  get: (complaintId: string) => api.get<ComplaintView>(`/api/complaints/${id(complaintId)}`),
  /** 登记: by phone, letter or visit, entered by an officer; routed to the bureau of the target's region. */
  intake: (body: StaffComplaintBody) => api.post<ComplaintView>('/api/complaints', body),
  accept: (complaintId: string, body: ComplaintDecisionBody) => api.post<ComplaintView>(`/api/complaints/${id(complaintId)}/accept`, body),
  reject: (complaintId: string, body: ComplaintDecisionBody) => api.post<ComplaintView>(`/api/complaints/${id(complaintId)}/reject`, body),
  mediation: (complaintId: string, body: MediationBody) => api.post<ComplaintView>(`/api/complaints/${id(complaintId)}/mediation`, body),
  reply: (complaintId: string, body: ComplaintReplyBody) => api.post<ComplaintView>(`/api/complaints/${id(complaintId)}/reply`, body),
  openLead: (complaintId: string, body: ComplaintLeadBody) => api.post<ComplaintView>(`/api/complaints/${id(complaintId)}/lead`, body),
};
