import { rowEntity, rowWithChildrenEntity } from '../../platform/audit/entity.js';
import { disposalFlows, disposals, samplingPlans, samplingQuotas, samplingRecords, samplingTasks } from './tables.js';

/** A plan's image includes its quotas, ordered by area and category. */
export const samplingPlanEntity = rowWithChildrenEntity('sampling_plan', samplingPlans, samplingPlans.id, {
  table: samplingQuotas,
  parentColumn: samplingQuotas.planId,
  orderBy: [samplingQuotas.areaCode, samplingQuotas.category],
  key: 'quotas',
});
export const samplingTaskEntity = rowEntity('sampling_task', samplingTasks, samplingTasks.id);
export const samplingRecordEntity = rowEntity('sampling_record', samplingRecords, samplingRecords.id);
/** A disposal's image includes every traced flow. */
export const disposalEntity = rowWithChildrenEntity('disposal', disposals, disposals.id, {
  table: disposalFlows,
  parentColumn: disposalFlows.disposalId,
  orderBy: disposalFlows.id,
  key: 'flows',
});
