/**
 * The audit service's screens (审计): 审计对象 (the audited subjects — assessments, evaluations, inspections … — by kind,
 * member or unit), a stream's 审计时间线 (every witnessed event with actor, times, reason, hashes and the events it caused
 * or was caused by in other services; the state as of a moment by occurred-at or recorded-at and what changed between
 * two; the chain checked again and the checkpoint holding it; 导出 JSON, 打印 and, for auditors, 核验), a member's and a
 * unit's timeline across services, 完整性问题 (the findings, with 全面核验 for auditors), 检查点 (the signed checkpoints,
 * their key, 签署检查点 and the consistency between two) and 重放 (auditors: the whole record replayed and compared).
 * Each reader sees what his scope allows (a secretary his branch's, a member his own, discipline content only
 * inspectors and auditors); the service decides.
 */
import { PEOPLE } from '../roles.js';
import { AUDITORS, INTEGRITY_READERS, RECORD_READERS } from './audit.js';

const UUID = '([0-9a-fA-F-]{36})';
const SERVICE = '([a-z][a-z0-9-]*)';

export default {
  name: 'audit',
  titleKey: 'menu.audit',
  apiBase: '/api/audit',
  routes: [
    { path: '/audit/subjects', name: 'audit-subjects', component: () => import('./views/SubjectListView.vue'), meta: { titleKey: 'menu.auditSubjects', roles: RECORD_READERS } },
    { path: `/audit/timelines/:service${SERVICE}/:aggregateId${UUID}`, name: 'audit-timeline', component: () => import('./views/TimelineView.vue'), meta: { titleKey: 'audit.timeline.title', roles: RECORD_READERS } },
    { path: `/audit/members/:id${UUID}`, name: 'audit-member-timeline', component: () => import('./views/EntityTimelineView.vue'), props: { kind: 'member' }, meta: { titleKey: 'audit.entity.member', roles: RECORD_READERS } },
    { path: `/audit/units/:id${UUID}`, name: 'audit-unit-timeline', component: () => import('./views/EntityTimelineView.vue'), props: { kind: 'unit' }, meta: { titleKey: 'audit.entity.unit', roles: RECORD_READERS } },
    { path: '/audit/findings', name: 'audit-findings', component: () => import('./views/FindingsView.vue'), meta: { titleKey: 'menu.auditFindings', roles: INTEGRITY_READERS } },
    { path: '/audit/checkpoints', name: 'audit-checkpoints', component: () => import('./views/CheckpointsView.vue'), meta: { titleKey: 'menu.auditCheckpoints', roles: PEOPLE } },
    { path: '/audit/replays', name: 'audit-replays', component: () => import('./views/ReplayView.vue'), meta: { titleKey: 'menu.auditReplays', roles: AUDITORS } },
  ],
  menu: [
    {
      key: 'audit',
      titleKey: 'menu.audit',
      icon: 'Memo',
      order: 50,
      items: [
        { route: 'audit-subjects', titleKey: 'menu.auditSubjects', icon: 'Tickets', roles: RECORD_READERS },
        { route: 'audit-findings', titleKey: 'menu.auditFindings', icon: 'Checked', roles: INTEGRITY_READERS },
        { route: 'audit-checkpoints', titleKey: 'menu.auditCheckpoints', icon: 'Stamp', roles: PEOPLE },
        { route: 'audit-replays', titleKey: 'menu.auditReplays', icon: 'DataLine', roles: AUDITORS },
      ],
    },
  ],
};
