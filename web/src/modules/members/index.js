/**
 * The members service's screens (党员管理): the directory, a member's file, the development board, the open transfers, the points ranking, the dues, the assessments, the care list, and a party
 * member's own file. Reads follow the service's data scope (a secretary sees his branch, a member himself).
 */
const READERS = ['COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'AUDITOR', 'DISCIPLINE_INSPECTOR'];

export default {
  name: 'members',
  titleKey: 'menu.members',
  apiBase: '/api/members',
  readModels: true,
  routes: [
    { path: '/members', name: 'member-directory', component: () => import('./views/MemberDirectoryView.vue'), meta: { titleKey: 'menu.memberDirectory', roles: READERS } },
    { path: '/members/pipeline', name: 'member-pipeline', component: () => import('./views/PipelineBoardView.vue'), meta: { titleKey: 'menu.pipeline', roles: READERS } },
    { path: '/members/transfers', name: 'member-transfers', component: () => import('./views/TransfersView.vue'), meta: { titleKey: 'menu.transfers', roles: READERS } },
    { path: '/members/points', name: 'member-points', component: () => import('./views/PointsRankingView.vue'), meta: { titleKey: 'menu.points', roles: READERS } },
    { path: '/members/dues', name: 'member-dues', component: () => import('./views/DuesSummaryView.vue'), meta: { titleKey: 'menu.dues', roles: READERS } },
    { path: '/members/assessments', name: 'member-assessments', component: () => import('./views/AssessmentsView.vue'), meta: { titleKey: 'menu.assessments', roles: READERS } },
    { path: '/members/care', name: 'member-care', component: () => import('./views/CareListView.vue'), meta: { titleKey: 'menu.care', roles: READERS } },
    { path: '/members/me', name: 'member-me', component: () => import('./views/MyFileView.vue'), meta: { titleKey: 'menu.myFile', roles: ['PARTY_MEMBER'] } },
    { path: '/members/:id([0-9a-fA-F-]{36})', name: 'member-file', component: () => import('./views/MemberFileView.vue'), meta: { titleKey: 'members.file', roles: [...READERS, 'PARTY_MEMBER'] } },
  ],
  menu: [
    {
      key: 'members',
      titleKey: 'menu.members',
      icon: 'User',
      order: 20,
      items: [
        { route: 'member-directory', titleKey: 'menu.memberDirectory', icon: 'Notebook', roles: READERS },
        { route: 'member-pipeline', titleKey: 'menu.pipeline', icon: 'Guide', roles: READERS },
        { route: 'member-transfers', titleKey: 'menu.transfers', icon: 'Switch', roles: READERS },
        { route: 'member-points', titleKey: 'menu.points', icon: 'Trophy', roles: READERS },
        { route: 'member-dues', titleKey: 'menu.dues', icon: 'Wallet', roles: READERS },
        { route: 'member-assessments', titleKey: 'menu.assessments', icon: 'Medal', roles: READERS },
        { route: 'member-care', titleKey: 'menu.care', icon: 'Present', roles: READERS },
        { route: 'member-me', titleKey: 'menu.myFile', icon: 'Postcard', roles: ['PARTY_MEMBER'] },
      ],
    },
  ],
  homePanels: [
    { key: 'pipeline-due', order: 10, due: true, roles: ['COMMITTEE_STAFF', 'BRANCH_SECRETARY'], component: () => import('./components/PipelineDuePanel.vue') },
  ],
};
