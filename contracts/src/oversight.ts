/** Checks of testing institutions (检验检测机构监督检查, notice 004). */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, text } from './api.js';
import { TestingDomain } from './reporting.js';

const Count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ message: `${label}应为整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(1_000_000, { message: `${label}过大` });

export const InstitutionCheckBody = z
  .object({
    institutionId: Id,
    campaignId: Id.nullable().optional(),
    domain: TestingDomain,
    checkedOn: IsoDate,
    reportsChecked: Count('抽查报告数'),
    untrueReports: Count('不实报告数'),
    fakeReports: Count('虚假报告数'),
    findings: text(2000, '检查发现'),
  })
  .superRefine((v, ctx) => {
    if (v.untrueReports + v.fakeReports > v.reportsChecked) {
      ctx.addIssue({ code: 'custom', path: ['untrueReports'], message: '不实和虚假报告数之和不能超过抽查报告数' });
    }
  });
export type InstitutionCheckBody = z.infer<typeof InstitutionCheckBody>;

export const InstitutionCheckView = z.object({
  id: Id,
  campaignId: Id.nullable(),
  campaignName: z.string().nullable(),
  orgId: Id,
  orgName: z.string(),
  institutionId: Id,
  institutionName: z.string(),
  regionCode: z.string(),
  domain: TestingDomain,
  checkedOn: IsoDate,
  reportsChecked: z.number().int(),
  untrueReports: z.number().int(),
  fakeReports: z.number().int(),
  findings: z.string(),
  caseId: Id.nullable(),
  caseNo: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type InstitutionCheckView = z.infer<typeof InstitutionCheckView>;

export const InstitutionCheckListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  domain: TestingDomain.optional(),
  campaignId: Id.optional(),
  /** 'true': only checks that found untrue or fake reports. */
  problems: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});

export const CheckLeadBody = z.object({ summary: text(2000, '案情摘要'), leadOn: IsoDate.optional().describe('defaults to today') });
