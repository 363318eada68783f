import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import { kindsUnder, nameProblem, reasonProblem } from '../src/modules/organisation/structure.js';
import { describeOrganisationEvent } from '../src/modules/organisation/describe.js';
import { dueItems } from '../src/modules/platform/readModels.js';

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } }).global;

describe('the tree rules the forms mirror', () => {
  it('offers only the kinds allowed under a unit', () => {
    expect(kindsUnder('COMMITTEE')).toEqual(['GENERAL_BRANCH', 'BRANCH', 'MASS_ORGANISATION']);
    expect(kindsUnder('BRANCH')).toEqual(['PARTY_GROUP']);
    expect(kindsUnder('PARTY_GROUP')).toEqual([]);
  });

  it('catches names the service would refuse before sending', () => {
    expect(nameProblem('')).toBe('org.nameRequired');
    expect(nameProblem('　')).toBe('org.nameRequired');
    expect(nameProblem(' 第一支部')).toBe('org.nameBlank');
    expect(nameProblem('——')).toBe('org.nameBlank');
    expect(nameProblem('党'.repeat(101))).toBe('org.nameTooLong');
    expect(nameProblem('机关第一党支部')).toBeNull();
    expect(reasonProblem('理'.repeat(1001))).toBe('org.reasonTooLong');
    expect(reasonProblem(undefined)).toBeNull();
  });
});

describe('the organisation timeline', () => {
  it('says what each event changed, in Chinese', () => {
    const names = { p1: '政务服务中心党委' };
    const established = describeOrganisationEvent({
      type: 'org.dangjian.organisation.OrganisationUnitEstablished.v1',
      data: { name: '第一支部', kind: 'BRANCH', parentId: 'p1' },
    }, i18n, (id) => names[id] || id);
    expect(established.label).toBe('成立');
    expect(established.facts).toEqual([
      { label: '名称', value: '第一支部' }, { label: '类型', value: '党支部' }, { label: '上级组织', value: '政务服务中心党委' }]);

    const renamed = describeOrganisationEvent({ type: 'x.OrganisationUnitRenamed.v1', data: { previousName: 'A', name: 'B' } }, i18n);
    expect(renamed.facts).toEqual([{ label: '名称', from: 'A', to: 'B' }]);
    expect(describeOrganisationEvent({ type: 'x.OrganisationUnitDissolved.v1', data: {} }, i18n).facts)
      .toEqual([{ label: '状态', value: '正常 → 已撤销' }]);
  });

  it('shows an event it does not know by its type and fields', () => {
    const other = describeOrganisationEvent({ type: 'x.SomethingNew.v2', data: { unitId: 'u', reason: 'r', count: 3 } }, i18n);
    expect(other).toEqual({ label: 'SomethingNew', facts: [{ label: 'count', value: '3' }] });
  });
});

describe('texts', () => {
  const keys = (obj, prefix = '') => Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it('has every text in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});

describe('due items for operators', () => {
  it('lists parked aggregates, rebuilds under way, consumers far behind and services that do not answer', () => {
    const rows = [
      { name: 'a', parked: 2, lag: 0 },
      { name: 'b', parked: 0, lag: 0, rebuild: { state: 'RUNNING', eventsConsumed: 1, eventsTotal: 4 } },
      { name: 'c', parked: 0, lag: 500 },
      { name: 'd', parked: 0, lag: 3, rebuild: { state: 'DONE' } },
      { service: 'x', problem: new Error('down') },
    ];
    expect(dueItems(rows).map((i) => `${i.kind}:${i.row.name || i.row.service}`)).toEqual(['parked:a', 'rebuilding:b', 'lagging:c', 'unavailable:x']);
  });
});
