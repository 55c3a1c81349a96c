import { describe, expect, it } from 'vitest';
import { complaintActions, type ActionSubject, type Actor } from './actions';

const bureau = 'org-wuhou';
const officer: Actor = { orgId: bureau, handle: true, caseWrite: true };
const complaint: ActionSubject = { kind: 'complaint', status: 'received', reply: null, caseId: null, handlingOrgId: bureau };
const report: ActionSubject = { ...complaint, kind: 'report' };

describe('what the handling bureau can do with a complaint or report', () => {
  it('decides a new complaint: accept it, refuse it, or make it a case lead', () => {
    expect(complaintActions(complaint, officer)).toEqual(['accept', 'reject', 'lead']);
  });

  it('never accepts a report for mediation: it is checked and filed as a lead or not', () => {
    expect(complaintActions(report, officer)).toEqual(['reject', 'lead']);
  });

  it('records the mediation of an accepted complaint, and replies once decided', () => {
    expect(complaintActions({ ...complaint, status: 'accepted' }, officer)).toEqual(['mediation', 'reply', 'lead']);
    expect(complaintActions({ ...complaint, status: 'mediated' }, officer)).toEqual(['reply', 'lead']);
    expect(complaintActions({ ...complaint, status: 'mediated', reply: '已调解' }, officer)).toEqual(['lead']);
  });

  it('opens one case lead only, and none once refused', () => {
    expect(complaintActions({ ...complaint, status: 'accepted', caseId: 'case-1' }, officer)).toEqual(['mediation', 'reply']);
    expect(complaintActions({ ...complaint, status: 'not_accepted' }, officer)).toEqual(['reply']);
    expect(complaintActions({ ...report, status: 'not_filed' }, officer)).toEqual(['reply']);
    expect(complaintActions({ ...report, status: 'lead_opened', caseId: 'case-1', reply: '已立案调查' }, officer)).toEqual([]);
  });

  it('leaves the case lead to those who may write cases (a leader decides but does not open cases)', () => {
    expect(complaintActions(complaint, { ...officer, caseWrite: false })).toEqual(['accept', 'reject']);
  });

  it('offers nothing to a bureau above the handling one, or to someone who may only read', () => {
    expect(complaintActions(complaint, { ...officer, orgId: 'org-chengdu' })).toEqual([]);
    expect(complaintActions(complaint, { ...officer, handle: false })).toEqual([]);
  });
});
