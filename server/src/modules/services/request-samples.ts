import { and, asc, eq } from 'drizzle-orm';
import type { RequestSampleBody, RequestSampleView } from '@shijian/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import type { Samples } from '../lab/samples.js';
import { reports, samples } from '../lab/tables.js';
import { enterprises } from '../registry/tables.js';
import { institutionOfActor } from './catalogue.js';
import { serviceRequestSampleEntity } from './entities.js';
import type { ServiceRequests } from './requests.js';
import { serviceItems, serviceRequestLines, serviceRequestSamples, serviceRequests } from './tables.js';

/**
 * A testing request becomes lab samples: the reception desk receives the sample against a
 * line of an accepted request, with the client (or the commissioning bureau) taken from the
 * request, so the requester reads the sample's progress and downloads its report through
 * the lab's own scope rules.
 */
export function createRequestSamples(deps: Deps, services: { samples: Samples; requests: ServiceRequests }) {
  const { db, clock, audit } = deps;

  return {
    async receive(actor: Actor, requestId: string, body: RequestSampleBody) {
      authorize(actor, 'lab.sample.receive');
      const institution = await institutionOfActor(db, actor);
      const [request] = institution
        ? await db.select().from(serviceRequests).where(and(eq(serviceRequests.id, requestId), eq(serviceRequests.institutionId, institution.id)))
        : [];
      if (!request) throw notFound('service_request', requestId);
      if (request.status !== 'accepted') throw conflict('NOT_ACCEPTED', '只能为已受理的申请收样');
      const [line] = await db
        .select({ l: serviceRequestLines, kind: serviceItems.kind, name: serviceItems.name })
        .from(serviceRequestLines)
        .innerJoin(serviceItems, eq(serviceItems.id, serviceRequestLines.itemId))
        .where(and(eq(serviceRequestLines.id, body.lineId), eq(serviceRequestLines.requestId, requestId)));
      if (!line) throw invalid('lineId', '该项目不属于本申请');
      if (line.l.referredToRequestId) throw invalid('lineId', '该项目已转介其他机构');
      if (line.kind !== 'testing') throw invalid('lineId', `「${line.name}」不是检验检测项目，不收样`);

      const { lineId, ...sample } = body;
      const [client] = request.requesterOrgId ? await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.orgId, request.requesterOrgId)) : [];
      const source =
        request.requesterKind === 'regulator'
          ? { source: 'regulator_commission' as const, commissioningOrgId: request.requesterOrgId }
          : { source: 'client_request' as const, clientEnterpriseId: client?.id ?? null, clientName: client ? null : request.requesterName };
      const created = await services.samples.receive(actor, { ...sample, ...source }, async (tx, sampleId) => {
        await tx.insert(serviceRequestSamples).values({ sampleId, requestId, requestLineId: lineId, createdAt: clock.now() });
        await audit.append(tx, actor, { action: 'service.sample_received', entity: serviceRequestSampleEntity, id: sampleId });
      });
      return created;
    },

    /** The samples of a request and their reports, for whoever may see the request. */
    async list(actor: Actor, requestId: string): Promise<RequestSampleView[]> {
      await services.requests.get(actor, requestId);
      const rows = await db
        .select({
          sampleId: samples.id,
          sampleNo: samples.sampleNo,
          requestLineId: serviceRequestSamples.requestLineId,
          itemName: serviceItems.name,
          productName: samples.productName,
          status: samples.status,
          reportId: reports.id,
          reportNo: reports.reportNo,
        })
        .from(serviceRequestSamples)
        .innerJoin(samples, eq(samples.id, serviceRequestSamples.sampleId))
        .innerJoin(serviceRequestLines, eq(serviceRequestLines.id, serviceRequestSamples.requestLineId))
        .innerJoin(serviceItems, eq(serviceItems.id, serviceRequestLines.itemId))
        .leftJoin(reports, and(eq(reports.sampleId, samples.id), eq(reports.status, 'issued')))
        .where(eq(serviceRequestSamples.requestId, requestId))
        .orderBy(asc(samples.sampleNo));
      return rows;
    },
  };
}

export type RequestSamples = ReturnType<typeof createRequestSamples>;
