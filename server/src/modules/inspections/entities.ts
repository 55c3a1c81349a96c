import { rowEntity, rowWithChildrenEntity } from '../../platform/audit/entity.js';
import { enterpriseRiskTiers, inspectionDraws, inspectionTargets, inspectorConflicts, inspectors } from './tables.js';

export const riskTierEntity = rowEntity('risk_tier', enterpriseRiskTiers, enterpriseRiskTiers.enterpriseId);
export const inspectorEntity = rowEntity('inspector', inspectors, inspectors.userId);
export const inspectorConflictEntity = rowEntity('inspector_conflict', inspectorConflicts, inspectorConflicts.id);
/** A draw's image includes its targets in drawn order, so a reshuffled result no longer matches. */
export const inspectionDrawEntity = rowWithChildrenEntity('inspection_draw', inspectionDraws, inspectionDraws.id, {
  table: inspectionTargets,
  parentColumn: inspectionTargets.drawId,
  orderBy: inspectionTargets.position,
  key: 'targets',
  pick: (t) => ({ position: t.position, enterpriseId: t.enterpriseId, tier: t.tier, inspectorUserIds: t.inspectorUserIds }),
});
export const inspectionTargetEntity = rowEntity('inspection_target', inspectionTargets, inspectionTargets.id);
