import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { USCC_ALPHABET, usccCheckCharacter } from '@shijian/contracts';
import { login, startApp, type RunningApp } from './harness.js';

/** A valid credit code registered in 武侯区 (510107, inside Sichuan), unique per run. */
function freshUscc(): { valid: string; wrongCheck: string; expected: string } {
  const serial = Array.from({ length: 9 }, () => USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)]).join('');
  const first17 = `91510107${serial}`;
  const expected = usccCheckCharacter(first17);
  const wrong = USCC_ALPHABET[(USCC_ALPHABET.indexOf(expected) + 1) % USCC_ALPHABET.length]!;
  return { valid: first17 + expected, wrongCheck: first17 + wrong, expected };
}

describe('enterprise registry in the browser (sc.admin)', () => {
  let app: RunningApp;
  let page: Page;
  const screenshots = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-e2e-shots-'));

  beforeAll(async () => {
    app = await startApp();
    page = await app.newPage();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('shows the Chinese check-character error for a wrong USCC, then registers the corrected enterprise and finds it by name', async () => {
    const code = freshUscc();
    const name = `成都测验防护用品有限公司${Date.now().toString(36).toUpperCase()}`;

    await login(page, 'sc.admin');
    await page.getByRole('menuitem', { name: '企业名录' }).click();
    await page.waitForURL('**/enterprises');
    await page.getByRole('heading', { name: '企业名录' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();

    await page.getByRole('button', { name: '登记企业' }).click();
    const drawer = page.getByRole('dialog', { name: '登记企业' });
    await drawer.waitFor();

    // A code with the wrong last character: the form says so, in Chinese, and does not submit.
    await drawer.getByLabel('统一社会信用代码').fill(code.wrongCheck);
    const checkError = drawer.getByText(`统一社会信用代码校验位错误：应为 ${code.expected}`);
    await checkError.waitFor();
    await drawer.getByLabel('企业名称').fill(name);
    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    await checkError.waitFor();
    await expect(checkError.count()).resolves.toBe(1);
    await expect(drawer.isVisible()).resolves.toBe(true);

    // Corrected, the message goes away.
    await drawer.getByLabel('统一社会信用代码').fill(code.valid);
    await checkError.waitFor({ state: 'detached' });

    await drawer.getByLabel('所在地区').click();
    for (const region of ['四川省', '成都市', '武侯区']) {
      await page.locator('.ant-cascader-menu-item', { hasText: region }).click();
    }
    await drawer.getByLabel('地址').fill('成都市武侯区科华北路1号');
    await drawer.getByLabel('法定代表人').fill('张测试');
    await drawer.getByLabel('企业规模').click();
    await page.locator('.ant-select-item-option', { hasText: '小型' }).click();
    await drawer.getByLabel('产品类别').click();
    await page.locator('.ant-select-item-option', { hasText: '口罩' }).click();
    await page.keyboard.press('Escape');

    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText(`企业已登记：${name}`).waitFor();
    await drawer.waitFor({ state: 'hidden' });

    // The list, searched by the new name, shows exactly the new enterprise with its code and county.
    const search = page.getByPlaceholder('名称或信用代码开头');
    await search.fill(name);
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === name);
    // The previous page stays on screen until the filtered one arrives, and it already holds the new row.
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    const row = page.locator('.ant-table-row', { hasText: name });
    await expect(row.innerText()).resolves.toContain(code.valid);
    await expect(row.innerText()).resolves.toContain('武侯区');

    // A picture of the list for a human to look at.
    await search.fill('');
    await search.press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.locator('.ant-table-row', { hasText: name }).waitFor();
    const shot = path.join(screenshots, 'enterprises.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`enterprise list screenshot: ${shot}`);
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
  });
});
