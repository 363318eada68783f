/**
 * The discipline supervision service's screens (纪检监督): 明察暗访 (inspections of service windows and sections, with
 * 计划检查, an inspection's detail with its steps, findings, rectification rounds and timeline), 整改台账 (the
 * rectifications not yet accepted, the overdue marked red), 谈话函询 (talks and written inquiries, with 谈话 and 函询),
 * 问责与处分 (cases, with 立案, a case's proposals, decision and a sanction's end), 选人用人监督 (with 开始监督, each stage
 * checked and the conclusion) and 查阅记录 (who read which record: auditors only). Sensitive by default: discipline
 * inspectors take every step and read everything, auditors read everything and the access log, nobody else sees any of
 * it; every read of a record is logged by the service (查阅留痕).
 */
import { READERS } from './discipline.js';

const UUID = '([0-9a-fA-F-]{36})';
const AUDITORS = ['AUDITOR'];

export default {
  name: 'discipline',
  titleKey: 'menu.discipline',
  apiBase: '/api/discipline',
  routes: [
    { path: '/discipline/inspections', name: 'discipline-inspections', component: () => import('./views/InspectionListView.vue'), meta: { titleKey: 'menu.inspections', roles: READERS } },
    { path: `/discipline/inspections/:id${UUID}`, name: 'discipline-inspection', component: () => import('./views/InspectionDetailView.vue'), meta: { titleKey: 'discipline.inspections.detail', roles: READERS } },
    { path: '/discipline/rectifications', name: 'discipline-rectifications', component: () => import('./views/RectificationBoardView.vue'), meta: { titleKey: 'menu.rectifications', roles: READERS } },
    { path: '/discipline/talks', name: 'discipline-talks', component: () => import('./views/TalkListView.vue'), meta: { titleKey: 'menu.talks', roles: READERS } },
    { path: `/discipline/talks/:id${UUID}`, name: 'discipline-talk', component: () => import('./views/TalkDetailView.vue'), meta: { titleKey: 'discipline.talks.detail', roles: READERS } },
    { path: '/discipline/cases', name: 'discipline-cases', component: () => import('./views/CaseListView.vue'), meta: { titleKey: 'menu.cases', roles: READERS } },
    { path: `/discipline/cases/:id${UUID}`, name: 'discipline-case', component: () => import('./views/CaseDetailView.vue'), meta: { titleKey: 'discipline.cases.detail', roles: READERS } },
    { path: '/discipline/selection-supervisions', name: 'discipline-selections', component: () => import('./views/SelectionListView.vue'), meta: { titleKey: 'menu.selections', roles: READERS } },
    { path: `/discipline/selection-supervisions/:id${UUID}`, name: 'discipline-selection', component: () => import('./views/SelectionDetailView.vue'), meta: { titleKey: 'discipline.selections.detail', roles: READERS } },
    { path: '/discipline/access-log', name: 'discipline-access-log', component: () => import('./views/AccessLogView.vue'), meta: { titleKey: 'menu.accessLog', roles: AUDITORS } },
  ],
  menu: [
    {
      key: 'discipline',
      titleKey: 'menu.discipline',
      icon: 'Aim',
      order: 40,
      items: [
        { route: 'discipline-inspections', titleKey: 'menu.inspections', icon: 'View', roles: READERS },
        { route: 'discipline-rectifications', titleKey: 'menu.rectifications', icon: 'List', roles: READERS },
        { route: 'discipline-talks', titleKey: 'menu.talks', icon: 'ChatLineSquare', roles: READERS },
        { route: 'discipline-cases', titleKey: 'menu.cases', icon: 'Stamp', roles: READERS },
        { route: 'discipline-selections', titleKey: 'menu.selections', icon: 'Checked', roles: READERS },
        { route: 'discipline-access-log', titleKey: 'menu.accessLog', icon: 'Memo', roles: AUDITORS },
      ],
    },
  ],
};
