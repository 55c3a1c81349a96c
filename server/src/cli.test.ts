import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from './config.js';
import { openTestDatabase } from '../test/harness.js';

const shijian = (args: string[], env: NodeJS.ProcessEnv) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server/src/cli.ts'), ...args], { env, cwd: projectRoot }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, out: err.stdout + err.stderr }),
  );

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('report export', () => {
  it('writes a province’s table as .xlsx and the roll-up as JSON, and says what is wrong with a bad request', async () => {
    let env: NodeJS.ProcessEnv;
    let cleanup = async () => {};
    if (inject('backend') === 'pglite') {
      const dataDir = path.join(tmp, 'report');
      const seeded = await PGlite.create({ dataDir, loadDataDir: new Blob([fs.readFileSync(inject('template'))]) });
      await seeded.close();
      env = { ...process.env, SHIJIAN_DATA_DIR: dataDir, DATABASE_URL: '' };
    } else {
      const db = await openTestDatabase();
      cleanup = () => db.close();
      env = { ...process.env, DATABASE_URL: db.url };
    }
    try {
      const xlsx = path.join(tmp, 'sichuan.xlsx');
      const unit = await shijian(['report', 'export', '--template', 'epidemic_weekly', '--unit', '510000', '--format', 'xlsx', '--out', xlsx], env);
      expect(unit.code, unit.out).toBe(0);
      expect(unit.out).toContain('四川省市场监督管理局');
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      expect(wb.worksheets[0]!.getCell('A1').value).toBe('全国防疫物资产品质量和市场秩序专项整治行动情况表');
      expect(wb.worksheets[0]!.getCell('B5').value).toBe(2);

      const json = path.join(tmp, 'nation.json');
      const nation = await shijian(['report', 'export', '--template', 'epidemic_weekly', '--unit', '000000', '--format', 'json', '--out', json], env);
      expect(nation.code, nation.out).toBe(0);
      const body = JSON.parse(fs.readFileSync(json, 'utf8'));
      expect(body).toMatchObject({ mode: 'rollup', unit: { name: '国家市场监督管理总局' } });
      expect(body.rows).toHaveLength(9);

      const bad = await shijian(['report', 'export', '--template', 'epidemic_weekly', '--unit', '990000', '--format', 'xlsx', '--out', xlsx], env);
      expect(bad.code).toBe(1);
      expect(bad.out).toContain('990000');
      const usage = await shijian(['report', 'export', '--template', 'epidemic_weekly'], env);
      expect(usage.code).toBe(2);
    } finally {
      await cleanup();
    }
  });
});
