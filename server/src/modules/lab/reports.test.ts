import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedEntities } from '../index.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { createHarness, forge, type Harness } from '../../../test/harness.js';
import { decodeQrFromPdf } from '../../../test/pdf-qr.js';

let h: Harness;
let today: string;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  h = await createHarness();
  today = h.services.deps.calendar.today();
});
afterAll(() => h.close());

/** Takes the demo sample in review (一次性使用医用口罩) through approval and issue. */
async function issueDemoReport() {
  const samples = (await (await h.as('scqi.reviewer')).get('/api/lab/samples?queue=mine')).json().items;
  const sample = samples.find((s: { productName: string }) => s.productName === '一次性使用医用口罩');
  await (await h.as('scqi.reviewer')).post(`/api/lab/samples/${sample.id}/review`);
  await (await h.as('scqi.signatory')).post(`/api/lab/samples/${sample.id}/approve`);
  const res = await (await h.as('scqi.signatory')).post(`/api/lab/samples/${sample.id}/issue`);
  expect(res.statusCode).toBe(200);
  return { sample, report: res.json() };
}

let issued: Awaited<ReturnType<typeof issueDemoReport>>;

describe('issuing a report', () => {
  it('numbers the report, records the PDF hash and the chain head, and concludes from the results', async () => {
    issued = await issueDemoReport();
    const { report } = issued;
    expect(report).toMatchObject({ version: 1, status: 'issued', conclusion: 'fail', productName: '一次性使用医用口罩', signatoryName: '川质检院授权签字人 蒋卫东' });
    expect(report.reportNo).toMatch(/^BG\d{4}-\d{6}$/);
    expect(report.chainHeadHash).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await (await h.as('sc.admin')).get(`/api/lab/reports/${report.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The digest printed on the report is the SHA-256 of the file with that field zeroed.
    const label = Buffer.from('PDF-SHA256:').toString('hex');
    const text = pdf.rawPayload.toString('latin1');
    const at = text.indexOf(label) + label.length;
    expect(Buffer.from(text.slice(at, at + 128), 'hex').toString()).toBe(report.pdfSha256);
    const zeroed = Buffer.from(text.slice(0, at) + '30'.repeat(64) + text.slice(at + 128), 'latin1');
    expect(sha256(zeroed)).toBe(report.pdfSha256);
  });

  it('prints a QR code that opens the public verification page, which says authentic', async () => {
    const pdf = (await (await h.as('scqi.signatory')).get(`/api/lab/reports/${issued.report.id}/pdf`)).rawPayload;
    const url = decodeQrFromPdf(pdf);
    expect(url).toBe(`http://localhost:8080/verify?no=${issued.report.reportNo}&code=${issued.report.verificationCode}`);
    const page = await h.anonymous().get(new URL(url!).pathname + new URL(url!).search);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('真实有效');
    expect(page.body).toContain('四川省产品质量监督检验检测院');
    expect(page.body).not.toContain('97.5'); // never the results
  });

  it('verifies by number and code with the minimal fields only', async () => {
    const anon = h.anonymous();
    const ok = (await anon.get(`/api/public/reports/verify?no=${issued.report.reportNo}&code=${issued.report.verificationCode}`)).json();
    expect(ok.status).toBe('authentic');
    expect(Object.keys(ok.report).sort()).toEqual(['conclusion', 'institutionName', 'issuedOn', 'pdfSha256', 'productName', 'reportNo', 'supersededBy', 'version']);
    const wrong = (await anon.get(`/api/public/reports/verify?no=${issued.report.reportNo}&code=WRONG123`)).json();
    expect(wrong.status).toBe('not_found');
  });

  it('says whether an uploaded PDF is byte-identical to an issued one', async () => {
    const pdf = (await (await h.as('scqi.signatory')).get(`/api/lab/reports/${issued.report.id}/pdf`)).rawPayload;
    const anon = h.anonymous();
    const same = await anon.request({ method: 'POST', url: '/api/public/reports/verify-file', payload: pdf, headers: { 'content-type': 'application/pdf' } });
    expect(same.json().status).toBe('authentic');
    const altered = Buffer.from(pdf);
    altered.writeUInt8(altered.readUInt8(altered.length - 100) ^ 1, altered.length - 100);
    const changed = await anon.request({ method: 'POST', url: '/api/public/reports/verify-file', payload: altered, headers: { 'content-type': 'application/pdf' } });
    expect(changed.json()).toMatchObject({ status: 'not_found', report: null });
  });

  it('refuses to delete an issued report', async () => {
    const res = await (await h.as('scqi.admin')).delete(`/api/lab/reports/${issued.report.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RETENTION_PERIOD');
  });

  it('shows the report only within the sample scope', async () => {
    expect((await (await h.as('sc.stat')).get(`/api/lab/reports/${issued.report.id}`)).statusCode).toBe(200);
    expect((await (await h.as('wh.officer')).get(`/api/lab/reports/${issued.report.id}`)).statusCode).toBe(404);
    expect((await (await h.as('fjmi.admin')).get(`/api/lab/reports/${issued.report.id}/pdf`)).statusCode).toBe(404);
    expect((await (await h.as('fj.admin')).get('/api/lab/reports')).json().total).toBe(0);
  });
});

describe('amending a report', () => {
  it('issues a new version that supersedes the old one with the reason; both stay verifiable', async () => {
    const signatory = await h.as('scqi.signatory');
    const reopened = await signatory.post(`/api/lab/reports/${issued.report.id}/reopen`, { reason: '颗粒过滤效率原始记录抄录错误' });
    expect(reopened.json().status).toBe('testing');
    const tester = await h.as('scqi.tester');
    const pfe = reopened.json().tests.find((t: { parameter: string }) => t.parameter.startsWith('颗粒'));
    const instrument = (await (await h.as('scqi.admin')).get(`/api/instruments?q=${encodeURIComponent('颗粒物')}`)).json().items[0].id;
    await tester.post(`/api/lab/samples/${issued.sample.id}/tests/${pfe.id}/results`, { value: '32.4', instrumentId: instrument, testedOn: today, reason: '按原始记录更正' });
    await tester.post(`/api/lab/samples/${issued.sample.id}/submit`);
    await (await h.as('scqi.reviewer')).post(`/api/lab/samples/${issued.sample.id}/review`);
    await signatory.post(`/api/lab/samples/${issued.sample.id}/approve`);
    const v2 = (await signatory.post(`/api/lab/samples/${issued.sample.id}/issue`)).json();
    expect(v2).toMatchObject({ reportNo: issued.report.reportNo, version: 2, status: 'issued', conclusion: 'pass', amendmentReason: '颗粒过滤效率原始记录抄录错误' });

    const anon = h.anonymous();
    const old = (await anon.get(`/api/public/reports/verify?no=${issued.report.reportNo}&code=${issued.report.verificationCode}`)).json();
    expect(old.status).toBe('superseded');
    expect(old.report.supersededBy.version).toBe(2);
    expect(old.message).toContain('第 2 版替代');
    const current = (await anon.get(`/api/public/reports/verify?no=${v2.reportNo}&code=${v2.verificationCode}`)).json();
    expect(current.status).toBe('authentic');
    expect((await signatory.post(`/api/lab/reports/${issued.report.id}/reopen`, { reason: 'x' })).json().error.code).toBe('REPORT_SUPERSEDED');
    const versions = (await signatory.get(`/api/lab/reports?sampleId=${issued.sample.id}`)).json().items;
    expect(versions.map((r: { version: number; status: string }) => [r.version, r.status])).toEqual([[2, 'issued'], [1, 'superseded']]);
  });
});

describe('database guards', () => {
  it('refuses to delete lab records or edit an original result or an issued report, even in SQL', async () => {
    const db = h.services.deps.db;
    await expect(db.execute(sql`delete from reports where id = ${issued.report.id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from samples where id = ${issued.sample.id}`)).rejects.toThrow();
    await expect(db.execute(sql`update test_results set value = '99' where sample_test_id in (select id from sample_tests where sample_id = ${issued.sample.id})`)).rejects.toThrow();
    await expect(db.execute(sql`update reports set conclusion = 'pass' where id = ${issued.report.id}`)).rejects.toThrow();
    const message = await db.execute(sql`delete from reports where id = ${issued.report.id}`).catch((e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message));
    expect(message).toContain('须保存6年');
  });
});

describe('tamper evidence', () => {
  it('finds an issued report file changed in SQL', async () => {
    expect((await verifyAudit(h.services.deps.db, auditedEntities)).ok).toBe(true);
    await forge(h.services.deps.db, sql`update reports set pdf = pdf || '\\x00'::bytea where id = ${issued.report.id}`);
    const result = await verifyAudit(h.services.deps.db, auditedEntities);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'record_altered', entityType: 'report', entityId: issued.report.id })]);
  });
});
