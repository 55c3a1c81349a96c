import { AUDIT_ENTITY_TYPES } from '@shijian/contracts';
/** Errors that speak to the person: a stable code, a Chinese message, and details naming what is wrong. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const ENTITY_NAMES: Record<string, string> = {
  org: '机构',
  user: '用户',
  enterprise: '企业',
  institution: '技术机构',
  product_category: '产品类别',
  region: '行政区划',
  calendar_day: '日历日期',
  qualification_scope: '资质范围',
  instrument: '计量器具',
  test_item: '检测项目',
  sample: '样品',
  sample_test: '检测任务',
  report: '报告',
  report_unit: '填报单位',
  report_period: '报送期次',
  notification: '提醒',
};

/** Out of scope looks like absent: callers use this after a scoped read. */
export function notFound(entity: string, id: string): AppError {
  return new AppError(404, 'NOT_FOUND', `未找到该${ENTITY_NAMES[entity] ?? (AUDIT_ENTITY_TYPES as Record<string, { zh: string }>)[entity]?.zh ?? '记录'}`, { entity, id });
}

export function forbidden(message = '您没有执行此操作的权限'): AppError {
  return new AppError(403, 'FORBIDDEN', message);
}

export function conflict(code: string, message: string, details?: unknown): AppError {
  return new AppError(409, code, message, details);
}

export function invalid(field: string, message: string, code = 'VALIDATION_FAILED'): AppError {
  return new AppError(400, code, message, { fields: [{ field, message }] });
}

export function unauthenticated(message = '请先登录'): AppError {
  return new AppError(401, 'UNAUTHENTICATED', message);
}
