import { rowEntity } from '../../platform/audit/entity.js';
import { epidemicQa, typicalCases } from './tables.js';

export const typicalCaseEntity = rowEntity('typical_case', typicalCases, typicalCases.id);
export const epidemicQaEntity = rowEntity('epidemic_qa', epidemicQa, epidemicQa.id);
