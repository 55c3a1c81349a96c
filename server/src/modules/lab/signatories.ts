import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { invalid } from '../../platform/errors.js';
import { authorize } from '../../platform/policy.js';
import { orgs, users } from '../identity/tables.js';
import type { Catalogue } from './catalogue.js';
import { labSettingsEntity, signatoryAuthorizationEntity } from './entities.js';
import { labSettings, signatoryAuthorizations } from './tables.js';

/** Authorised signatories and their domains, and the lab's settings (blind testing). */
export function createLabAdmin(deps: Deps, catalogue: Catalogue) {
  const { db, clock, audit } = deps;
  return {
    async listSignatories(actor: Actor) {
      const inst = await catalogue.ownInstitution(actor);
      return db
        .select({ id: signatoryAuthorizations.id, userId: users.id, name: users.displayName, domain: signatoryAuthorizations.domain })
        .from(signatoryAuthorizations)
        .innerJoin(users, eq(users.id, signatoryAuthorizations.userId))
        .where(eq(signatoryAuthorizations.institutionId, inst.id))
        .orderBy(asc(users.displayName), asc(signatoryAuthorizations.domain));
    },
    async authorizeSignatory(actor: Actor, userId: string, domain: string) {
      authorize(actor, 'lab.signatory.write');
      const inst = await catalogue.ownInstitution(actor);
      const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.orgId, inst.orgId)));
      if (!user || !user.roles.includes('signatory')) throw invalid('userId', '只能授权本机构具有授权签字人角色的人员');
      if (!inst.domains.includes(domain)) throw invalid('domain', `“${domain}”不在本机构资质认定的领域内`);
      await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(signatoryAuthorizations)
          .values({ institutionId: inst.id, userId, domain, createdAt: clock.now() })
          .onConflictDoNothing()
          .returning({ id: signatoryAuthorizations.id });
        if (inserted.length) await audit.append(tx, actor, { action: 'lab.signatory_authorized', entity: signatoryAuthorizationEntity, id: inserted[0]!.id });
      });
      return this.listSignatories(actor);
    },
    async settings(actor: Actor) {
      const inst = await catalogue.ownInstitution(actor);
      const [row] = await db.select().from(labSettings).where(eq(labSettings.institutionId, inst.id));
      return { blindTesting: row?.blindTesting ?? true };
    },
    /** The institution's testers, for whoever assigns work (receptionists may not list users in general). */
    async testers(actor: Actor) {
      authorize(actor, 'lab.sample.assign');
      const inst = await catalogue.ownInstitution(actor);
      return db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.orgId, inst.orgId), eq(users.disabled, false), sql`'tester' = any(${users.roles})`))
        .orderBy(asc(users.displayName));
    },
    /** Bureaus that may commission a test: the public directory of regulators. */
    async regulators() {
      return db
        .select({ id: orgs.id, name: orgs.name, level: orgs.level, regionCode: orgs.regionCode })
        .from(orgs)
        .where(eq(orgs.kind, 'regulator'))
        .orderBy(asc(orgs.regionCode), asc(orgs.name));
    },
    async setBlindTesting(actor: Actor, blindTesting: boolean) {
      authorize(actor, 'lab.catalogue.write');
      const inst = await catalogue.ownInstitution(actor);
      await db.transaction(async (tx) => {
        await tx.insert(labSettings).values({ institutionId: inst.id, blindTesting }).onConflictDoUpdate({ target: labSettings.institutionId, set: { blindTesting } });
        await audit.append(tx, actor, { action: 'lab.settings_updated', entity: labSettingsEntity, id: inst.id });
      });
      return { blindTesting };
    },
  };
}
