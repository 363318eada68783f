import { PEOPLE } from '../roles.js';
import { REPORT_READERS, WORK_READERS } from './work.js';

const UUID = '([0-9a-fA-F-]{36})';
const view = (name, path, component, titleKey, roles) => ({ path, name, component, meta: { titleKey, roles } });

/**
 * The organisation service's screens (组织建设): the tree, the register of units, and their home panels; and the
 * committee's year of work (docs/organisation.md): 换届选举 (terms and elections), 工作要点 (annual work plans, their boards
 * and tasks), 责任清单 (responsibility and task lists), 组织评定 (criteria sets and unit assessments) and 双述双评 (the branch
 * secretaries' reports). Committee staff take every step; a secretary reports his branch's tasks and submits his branch's
 * 双述双评 report; party members, inspectors and auditors read (双述双评: not party members); departments and operators
 * see none of it. A module names its API base, its routes, its menu group and its home panels; the shell does the rest.
 */
export default {
  name: 'organisation',
  titleKey: 'menu.organisation',
  apiBase: '/api/organisation',
  readModels: true,
  routes: [
    view('org-tree', '/organisation/tree', () => import('./views/OrganisationTreeView.vue'), 'menu.tree', PEOPLE),
    view('org-units', '/organisation/units', () => import('./views/UnitRegisterView.vue'), 'menu.units', PEOPLE),
    view('org-terms', '/organisation/terms', () => import('./views/TermListView.vue'), 'menu.terms', WORK_READERS),
    view('org-term', `/organisation/terms/:id${UUID}`, () => import('./views/TermDetailView.vue'), 'work.terms.detail', WORK_READERS),
    view('org-plans', '/organisation/plans', () => import('./views/PlanListView.vue'), 'menu.plans', WORK_READERS),
    view('org-plan', `/organisation/plans/:id${UUID}`, () => import('./views/PlanBoardView.vue'), 'work.plans.board', WORK_READERS),
    view('org-task', `/organisation/tasks/:id${UUID}`, () => import('./views/TaskDetailView.vue'), 'work.tasks.detail', WORK_READERS),
    view('org-lists', '/organisation/responsibility-lists', () => import('./views/ListListView.vue'), 'menu.lists', WORK_READERS),
    view('org-list', `/organisation/responsibility-lists/:id${UUID}`, () => import('./views/ListDetailView.vue'), 'work.lists.detail', WORK_READERS),
    view('org-assessments', '/organisation/assessments', () => import('./views/AssessmentsView.vue'), 'menu.unitAssessments', WORK_READERS),
    view('org-assessment', `/organisation/assessments/:id${UUID}`, () => import('./views/AssessmentDetailView.vue'), 'work.assessments.detail',
      WORK_READERS),
    view('org-criteria', '/organisation/assessment-criteria/:id([a-z][a-z0-9-]{1,39})', () => import('./views/CriteriaDetailView.vue'),
      'work.criteria.detail', WORK_READERS),
    view('org-reports', '/organisation/secretary-reports', () => import('./views/ReportListView.vue'), 'menu.secretaryReports', REPORT_READERS),
    view('org-report', `/organisation/secretary-reports/:id${UUID}`, () => import('./views/ReportDetailView.vue'), 'work.reports.detail',
      REPORT_READERS),
  ],
  menu: [
    {
      key: 'organisation',
      titleKey: 'menu.organisation',
      icon: 'OfficeBuilding',
      order: 10,
      items: [
        { route: 'org-tree', titleKey: 'menu.tree', icon: 'Share', roles: PEOPLE },
        { route: 'org-units', titleKey: 'menu.units', icon: 'List', roles: PEOPLE },
        { route: 'org-terms', titleKey: 'menu.terms', icon: 'Stamp', roles: WORK_READERS },
        { route: 'org-plans', titleKey: 'menu.plans', icon: 'Document', roles: WORK_READERS },
        { route: 'org-lists', titleKey: 'menu.lists', icon: 'Tickets', roles: WORK_READERS },
        { route: 'org-assessments', titleKey: 'menu.unitAssessments', icon: 'Medal', roles: WORK_READERS },
        { route: 'org-reports', titleKey: 'menu.secretaryReports', icon: 'ChatDotSquare', roles: REPORT_READERS },
      ],
    },
  ],
  homePanels: [
    { key: 'my-unit', order: 10, component: () => import('./components/MyUnitPanel.vue') },
    {
      key: 'units-by-kind',
      order: 30,
      roles: ['COMMITTEE_STAFF', 'AUDITOR', 'DISCIPLINE_INSPECTOR', 'PLATFORM_OPERATOR'],
      component: () => import('./components/UnitsByKindPanel.vue'),
    },
  ],
};
