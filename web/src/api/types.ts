import type { z } from 'zod';
import type * as C from '@shijian/contracts';

/**
 * Request and response types, inferred from the contracts' Zod schemas. Type-only
 * imports: the schemas themselves stay out of the bundle unless a form uses them.
 */
export type Paged<T> = C.Paged<T>;
export type SessionView = C.SessionView;
export type OrgView = C.OrgView;
export type UserView = C.UserView;
export type EnterpriseView = C.EnterpriseView;
export type InstitutionView = C.InstitutionView;
export type InstitutionDetailView = z.infer<typeof C.InstitutionDetailView>;
export type QualificationScopeView = z.infer<typeof C.QualificationScopeView>;
export type ProductCategoryView = C.ProductCategoryView;
export type RegionView = C.RegionView;
export type CalendarDayView = z.infer<typeof C.CalendarDayView>;
export type WorkingDaysView = z.infer<typeof C.WorkingDaysView>;
export type AuditEntryView = C.AuditEntryView;
export type AuditVerifyView = z.infer<typeof C.AuditVerifyView>;

export type LoginBody = z.input<typeof C.LoginBody>;
export type ChangePasswordBody = z.input<typeof C.ChangePasswordBody>;
export type OrgListQuery = z.input<typeof C.OrgListQuery>;
export type OrgCreateBody = z.input<typeof C.OrgCreateBody>;
export type OrgUpdateBody = z.input<typeof C.OrgUpdateBody>;
export type UserListQuery = z.input<typeof C.UserListQuery>;
export type UserCreateBody = z.input<typeof C.UserCreateBody>;
export type UserUpdateBody = z.input<typeof C.UserUpdateBody>;
export type EnterpriseListQuery = z.input<typeof C.EnterpriseListQuery>;
export type EnterpriseCreateBody = z.input<typeof C.EnterpriseCreateBody>;
export type EnterpriseUpdateBody = z.input<typeof C.EnterpriseUpdateBody>;
export type InstitutionListQuery = z.input<typeof C.InstitutionListQuery>;
export type InstitutionCreateBody = z.input<typeof C.InstitutionCreateBody>;
export type InstitutionUpdateBody = z.input<typeof C.InstitutionUpdateBody>;
export type QualificationScopeBody = z.input<typeof C.QualificationScopeBody>;
export type ProductCategoryCreateBody = z.input<typeof C.ProductCategoryCreateBody>;
export type ProductCategoryUpdateBody = z.input<typeof C.ProductCategoryUpdateBody>;
export type CalendarDayBody = z.input<typeof C.CalendarDayBody>;
export type AuditListQuery = z.input<typeof C.AuditListQuery>;
