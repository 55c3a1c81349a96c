import { describe, expect, it } from 'vitest';
import type { Role } from '@shijian/contracts';
import type { Who } from './permissions';
import { can } from './permissions';
import { mayOpen, pageOfPath, PAGES } from './routes';

function who(kind: Who['org']['kind'], level: Who['org']['level'], ...roles: Role[]): Who {
  return {
    user: { id: '00000000-0000-4000-8000-000000000001', username: 'u', displayName: 'U', roles, mustChangePassword: false },
    org: { id: '00000000-0000-4000-8000-000000000002', name: 'O', kind, level, regionCode: null },
  };
}
const menu = (w: Who) => PAGES.filter((p) => mayOpen(w, p)).map((p) => p.key);

describe('the menu follows the server policy', () => {
  it('gives a province admin the registry and the administration pages', () => {
    expect(menu(who('regulator', 'province', 'regulator_admin'))).toEqual([
      'home',
      'samples',
      'reports',
      'campaigns',
      'screenings',
      'problems',
      'sampling',
      'inspections',
      'oversight',
      'cases',
      'caseDeadlines',
      'credit',
      'complaints',
      'recalls',
      'riskDashboard',
      'riskWarnings',
      'publicity',
      'statReports',
      'reportTemplates',
      'enterprises',
      'institutions',
      'instruments',
      'categories',
      'calendar',
      'orgs',
      'users',
      'audit',
    ]);
  });

  it('gives a city officer the registry and commissioned samples but no administration', () => {
    expect(menu(who('regulator', 'city', 'officer'))).toEqual([
      'home',
      'samples',
      'reports',
      'campaigns',
      'screenings',
      'problems',
      'sampling',
      'inspections',
      'oversight',
      'cases',
      'caseDeadlines',
      'credit',
      'complaints',
      'recalls',
      'riskDashboard',
      'riskWarnings',
      'publicity',
      'statReports',
      'enterprises',
      'institutions',
      'instruments',
      'categories',
      'calendar',
    ]);
  });

  it('starts an institution admin from the work queue, with the lab, its institution, users and audit, but no enterprises', () => {
    expect(menu(who('institution', null, 'institution_admin'))).toEqual(['labQueue', 'samples', 'reports', 'catalogue', 'sampling', 'institutions', 'instruments', 'calendar', 'orgs', 'users', 'audit']);
  });

  it('gives a tester the lab pages but no administration', () => {
    expect(menu(who('institution', null, 'tester'))).toEqual(['labQueue', 'samples', 'reports', 'catalogue', 'sampling', 'institutions', 'instruments', 'calendar']);
  });

  it('gives an enterprise user its own record, samples, reports, instruments and its credit listings', () => {
    expect(menu(who('enterprise', null, 'enterprise_user'))).toEqual(['home', 'samples', 'reports', 'credit', 'recalls', 'enterprises', 'instruments', 'categories', 'calendar']);
  });

  it('shows a platform admin no test data, as the server refuses it', () => {
    const pages = menu(who('platform', null, 'platform_admin'));
    expect(pages).not.toContain('samples');
    expect(pages).not.toContain('reports');
    expect(pages).toContain('instruments');
  });

  it('lets a signatory, but not a tester, send a sample back; only testers enter results', () => {
    expect(can(who('institution', null, 'signatory'), 'lab.sample.return')).toBe(true);
    expect(can(who('institution', null, 'reviewer'), 'lab.sample.return')).toBe(true);
    expect(can(who('institution', null, 'tester'), 'lab.sample.return')).toBe(false);
    expect(can(who('institution', null, 'institution_admin'), 'lab.result.enter')).toBe(false);
    expect(can(who('institution', null, 'receptionist'), 'lab.sample.assign')).toBe(true);
  });

  it('lets only national or platform admins edit categories and the calendar and verify the audit log', () => {
    for (const permission of ['category.write', 'calendar.write', 'audit.verify'] as const) {
      expect(can(who('regulator', 'national', 'regulator_admin'), permission)).toBe(true);
      expect(can(who('platform', null, 'platform_admin'), permission)).toBe(true);
      expect(can(who('regulator', 'province', 'regulator_admin'), permission)).toBe(false);
    }
  });

  it('gives statisticians the reports to fill in and review, and only regulator admins the templates', () => {
    const statistician = who('regulator', 'province', 'statistician');
    expect(menu(statistician)).toContain('statReports');
    expect(menu(statistician)).not.toContain('reportTemplates');
    expect(can(statistician, 'report.fill')).toBe(true);
    expect(can(statistician, 'report.review')).toBe(true);
    expect(can(who('regulator', 'national', 'leader'), 'report.review')).toBe(true);
    expect(can(who('regulator', 'national', 'leader'), 'report.fill')).toBe(false);
    expect(can(who('regulator', 'city', 'officer'), 'report.fill')).toBe(false);
    expect(can(who('regulator', 'national', 'regulator_admin'), 'report.template')).toBe(true);
    expect(can(who('institution', null, 'institution_admin'), 'report.read')).toBe(false);
  });

  it('lets officers and admins record checks of testing institutions, and every regulator read them', () => {
    expect(can(who('regulator', 'province', 'officer'), 'oversight.write')).toBe(true);
    expect(can(who('regulator', 'province', 'statistician'), 'oversight.write')).toBe(false);
    expect(can(who('regulator', 'county', 'leader'), 'oversight.read')).toBe(true);
    expect(menu(who('institution', null, 'institution_admin'))).not.toContain('oversight');
  });

  it('files a sub-page under its most specific menu entry', () => {
    expect(pageOfPath('/reports/templates/new')?.key).toBe('reportTemplates');
    expect(pageOfPath('/reports/abc/periods/2026-12-02')?.key).toBe('statReports');
    expect(pageOfPath('/supervision/campaigns/screenings')?.key).toBe('screenings');
    expect(pageOfPath('/supervision/oversight/abc')?.key).toBe('oversight');
    expect(pageOfPath('/')?.key).toBe('home');
    expect(pageOfPath('/notifications')).toBeUndefined();
  });

  it('does not let an institution admin register enterprises', () => {
    expect(can(who('institution', null, 'institution_admin'), 'enterprise.write')).toBe(false);
  });
});
