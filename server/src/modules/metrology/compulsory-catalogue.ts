type CompulsoryEntry = {
  code: string;
  item: string;
  kinds: string[];
  mode: 'P' | 'V' | 'P+V';
  scope: string;
  periodMonths: number;
  epidemic: boolean;
  sortOrder: number;
};

/**
 * Entries of the catalogue of instruments under compulsory control, in the structure of the
 * 2020 list (实施强制管理的计量器具目录: item, kinds, P / V / P+V, scope of compulsory
 * verification) with the verification period of each regulation. Seeded: the instruments of
 * epidemic work first (thermometers, blood-pressure meters, medical monitors, infusion pumps),
 * then common trade instruments. An installation checks these against the catalogue in force.
 */
export const COMPULSORY_CATALOGUE: CompulsoryEntry[] = [
  { code: 'thermometer', item: '体温计', kinds: ['玻璃体温计', '医用电子体温计', '红外耳温计', '红外额温计'], mode: 'P+V', scope: '用于医疗卫生', periodMonths: 12, epidemic: true, sortOrder: 10 },
  { code: 'sphygmomanometer', item: '血压计（表）', kinds: ['无创自动测量血压计', '血压表'], mode: 'P+V', scope: '用于医疗卫生', periodMonths: 12, epidemic: true, sortOrder: 20 },
  { code: 'ecg', item: '心、脑电图仪', kinds: ['心电图机', '脑电图机'], mode: 'P+V', scope: '用于医疗卫生', periodMonths: 12, epidemic: true, sortOrder: 30 },
  { code: 'patient_monitor', item: '多参数监护仪', kinds: ['心电监护仪', '多参数监护仪'], mode: 'V', scope: '用于医疗卫生', periodMonths: 12, epidemic: true, sortOrder: 40 },
  { code: 'infusion_pump', item: '医用注射泵和输液泵', kinds: ['注射泵', '输液泵'], mode: 'V', scope: '用于医疗卫生', periodMonths: 12, epidemic: true, sortOrder: 50 },
  { code: 'pricing_scale', item: '电子计价秤', kinds: ['电子计价秤'], mode: 'P+V', scope: '用于贸易结算', periodMonths: 12, epidemic: false, sortOrder: 100 },
  { code: 'fuel_dispenser', item: '燃油加油机', kinds: ['燃油加油机'], mode: 'P+V', scope: '用于贸易结算', periodMonths: 6, epidemic: false, sortOrder: 110 },
];
