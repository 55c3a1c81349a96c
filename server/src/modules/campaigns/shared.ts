import { NATIONAL_REGION_CODE, regionPrefix, regionWithin, type CampaignPhase } from '@shijian/contracts';
import type { Actor } from '../../platform/actor.js';
import { AppError, forbidden } from '../../platform/errors.js';
import type { campaigns } from './tables.js';

export type CampaignRow = typeof campaigns.$inferSelect;

const ENTITY_NAMES = { campaign: '专项整治行动', screening: '排查记录', problem: '问题', import_job: '导入任务' } as const;
/** "Not found" for this module's records, naming them in Chinese. Out of scope answers the same. */
export function missing(entity: keyof typeof ENTITY_NAMES, id: string): AppError {
  return new AppError(404, 'NOT_FOUND', `未找到该${ENTITY_NAMES[entity]}`, { entity, id });
}

/** The bureau a user acts for: screenings and problems are recorded in its name. */
export function actingOrg(actor: Actor): string {
  if (!actor.orgId) throw forbidden('请以监管部门用户身份操作');
  return actor.orgId;
}

export function phaseOf(row: Pick<CampaignRow, 'startsOn' | 'endsOn'>, today: string): CampaignPhase {
  if (today < row.startsOn) return 'upcoming';
  if (today > row.endsOn) return 'ended';
  return 'ongoing';
}

/** Whether an enterprise's region lies in the campaign's area (its listed areas, or the lead's whole area). */
export function inCampaignArea(campaign: Pick<CampaignRow, 'regionCode' | 'areaCodes'>, regionCode: string): boolean {
  if (campaign.areaCodes.length) return campaign.areaCodes.some((a) => regionCode.startsWith(regionPrefix(a)));
  return campaign.regionCode === NATIONAL_REGION_CODE || regionWithin(regionCode, campaign.regionCode);
}
