import { GREEN_CHANNEL_HOURS, type ServiceRequestStatus } from '@shijian/contracts';

const HOUR_MS = 3_600_000;

/**
 * The green channel's clock (notice 000: 24小时内响应): it runs in hours around the clock —
 * epidemic work does not wait for Monday — from the moment a request reaches an institution
 * (submission, or the referral that sent it there), and stops at the first answer.
 */
export function respondBy(arrivedAt: Date): Date {
  return new Date(arrivedAt.getTime() + GREEN_CHANNEL_HOURS * HOUR_MS);
}

/** Overdue: in the green channel, still unanswered, and past its time (the last instant itself is still on time). */
export function isOverdue(request: { green: boolean; status: ServiceRequestStatus; respondBy: Date | null }, now: Date): boolean {
  return request.green && request.status === 'submitted' && request.respondBy !== null && request.respondBy.getTime() < now.getTime();
}

/** Hours left (negative once overdue), rounded toward zero, for lists and notices. */
export function hoursLeft(respondByAt: Date, now: Date): number {
  return Math.trunc((respondByAt.getTime() - now.getTime()) / HOUR_MS);
}
