import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, type Query } from '../../api/client';
import { institutionsApi } from '../../api/endpoints';
import type { Paged } from '../../api/types';

/** The technical-service window (技术服务窗口), typed from the contracts. */
export type ServiceItemView = C.ServiceItemView;
export type ServiceItemBody = z.input<typeof C.ServiceItemBody>;
export type ServiceItemListQuery = z.input<typeof C.ServiceItemListQuery>;
export type CatalogueQuery = z.input<typeof C.CatalogueQuery>;
export type FeeRuleView = C.FeeRuleView;
export type FeeRuleBody = z.input<typeof C.FeeRuleBody>;
export type FeeRuleListQuery = z.input<typeof C.FeeRuleListQuery>;
export type ServiceRequestView = C.ServiceRequestView;
export type ServiceRequestLineView = z.infer<typeof C.ServiceRequestLineView>;
export type ServiceReferralView = z.infer<typeof C.ServiceReferralView>;
export type ServiceRequestBody = z.input<typeof C.ServiceRequestBody>;
export type ServiceRequestListQuery = z.input<typeof C.ServiceRequestListQuery>;
export type ReferBody = z.input<typeof C.ReferBody>;
export type ReferralOption = z.infer<typeof C.ReferralOption>;

export const keys = {
  all: ['services'] as const,
  catalogue: ['services', 'catalogue'] as const,
  items: ['services', 'items'] as const,
  institutionItems: (institutionId: string) => ['services', 'items', 'of', institutionId] as const,
  feeRules: ['services', 'fee-rules'] as const,
  requests: ['services', 'requests'] as const,
  request: (requestId: string) => ['services', 'requests', 'one', requestId] as const,
  referralOptions: (requestId: string) => ['services', 'requests', 'referral-options', requestId] as const,
  ownInstitution: (orgId: string) => ['services', 'own-institution', orgId] as const,
};

export const paths = {
  base: '/services',
  catalogue: '/services/catalogue',
  items: '/services/items',
  requests: '/services/requests',
  request: (requestId: string) => `/services/requests/${encodeURIComponent(requestId)}`,
  feeRules: '/services/fee-rules',
};

const id = (value: string) => encodeURIComponent(value);
const q = (query: object) => query as Query;

export const servicesApi = {
  /** Active items of every institution (the public catalogue; the session cookie changes nothing). */
  catalogue: (query: CatalogueQuery) => api.get<Paged<ServiceItemView>>('/api/public/service-catalogue', q(query)),
  /** The caller's own items, inactive ones included; with `institutionId`, another institution's active items. */
  items: (query: ServiceItemListQuery) => api.get<Paged<ServiceItemView>>('/api/service-items', q(query)),
  createItem: (body: ServiceItemBody) => api.post<ServiceItemView>('/api/service-items', body),
  updateItem: (itemId: string, body: ServiceItemBody) => api.put<ServiceItemView>(`/api/service-items/${id(itemId)}`, body),
  setItemActive: (itemId: string, active: boolean) => api.post<ServiceItemView>(`/api/service-items/${id(itemId)}/active`, { active }),

  feeRules: (query: FeeRuleListQuery) => api.get<Paged<FeeRuleView>>('/api/fee-rules', q(query)),
  createFeeRule: (body: FeeRuleBody) => api.post<FeeRuleView>('/api/fee-rules', body),
  setFeeRuleActive: (ruleId: string, active: boolean) => api.post<FeeRuleView>(`/api/fee-rules/${id(ruleId)}/active`, { active }),

  requests: (query: ServiceRequestListQuery) => api.get<Paged<ServiceRequestView>>('/api/service-requests', q(query)),
  request: (requestId: string) => api.get<ServiceRequestView>(`/api/service-requests/${id(requestId)}`),
  submit: (body: ServiceRequestBody) => api.post<ServiceRequestView>('/api/service-requests', body),
  accept: (requestId: string, note: string) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/accept`, { note }),
  complete: (requestId: string, note: string) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/complete`, { note }),
  decline: (requestId: string, reason: string) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/decline`, { reason }),
  escalate: (requestId: string, reason: string) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/escalate`, { reason }),
  referralOptions: (requestId: string) => api.get<ReferralOption[]>(`/api/service-requests/${id(requestId)}/referral-options`),
  refer: (requestId: string, body: ReferBody) => api.post<ServiceRequestView>(`/api/service-requests/${id(requestId)}/refer`, body),

  /** The institution an institution user works for (the registry shows institution staff their own), or null. */
  ownInstitution: async (orgId: string) => {
    const page = await institutionsApi.list({ pageSize: 10 });
    return page.items.find((i) => i.orgId === orgId) ?? null;
  },
};
