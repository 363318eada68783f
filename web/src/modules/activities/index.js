/**
 * The activities service's screens (组织生活): a branch's calendar of activities ("三会一课", theme party days, ...)
 * with 安排活动, an activity's detail (召开, 取消, 登记出勤 and 更正出勤, its timeline), a member's participation,
 * the volunteer hours ranking, the "三会一课" compliance board (三会一课落实情况), 学习与实践 (learning and education,
 * "我为群众办实事" deeds, research reports, mass activities: a list with 登记 per kind, a record's detail with 办结, 更正 and
 * its timeline), 双重组织生活 (leading cadres in a branch's organisational life besides their own, with 安排 and 结束),
 * and a party member's own participation. Reads follow the service's data scope (a
 * secretary sees his branch, a member himself).
 */
const READERS = ['COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'AUDITOR', 'DISCIPLINE_INSPECTOR'];
const UUID = '([0-9a-fA-F-]{36})';

export default {
  name: 'activities',
  titleKey: 'menu.activities',
  apiBase: '/api/activities',
  readModels: true,
  routes: [
    { path: '/activities', name: 'activity-calendar', component: () => import('./views/ActivityCalendarView.vue'), meta: { titleKey: 'menu.activityCalendar', roles: READERS } },
    { path: '/activities/volunteer', name: 'activity-volunteer', component: () => import('./views/VolunteerRankingView.vue'), meta: { titleKey: 'menu.volunteer', roles: READERS } },
    { path: '/activities/records', name: 'activity-records', component: () => import('./views/EngagementListView.vue'), meta: { titleKey: 'menu.records', roles: READERS } },
    { path: `/activities/records/:id${UUID}`, name: 'activity-record', component: () => import('./views/EngagementDetailView.vue'), meta: { titleKey: 'records.detail', roles: READERS } },
    { path: '/activities/dual-lives', name: 'activity-dual-lives', component: () => import('./views/DualLifeListView.vue'), meta: { titleKey: 'menu.dualLife', roles: READERS } },
    { path: '/activities/compliance', name: 'activity-compliance', component: () => import('./views/ComplianceBoardView.vue'), meta: { titleKey: 'menu.compliance', roles: READERS } },
    { path: '/activities/me', name: 'activity-me', component: () => import('./views/ParticipationView.vue'), meta: { titleKey: 'menu.myActivities', roles: ['PARTY_MEMBER'] } },
    { path: `/activities/members/:id${UUID}`, name: 'activity-participation', component: () => import('./views/ParticipationView.vue'), meta: { titleKey: 'activities.participation.title', roles: [...READERS, 'PARTY_MEMBER'] } },
    { path: `/activities/:id${UUID}`, name: 'activity-detail', component: () => import('./views/ActivityDetailView.vue'), meta: { titleKey: 'activities.detail', roles: READERS } },
  ],
  menu: [
    {
      key: 'activities',
      titleKey: 'menu.activities',
      icon: 'Calendar',
      order: 30,
      items: [
        { route: 'activity-calendar', titleKey: 'menu.activityCalendar', icon: 'Calendar', roles: READERS },
        { route: 'activity-volunteer', titleKey: 'menu.volunteer', icon: 'Sunny', roles: READERS },
        { route: 'activity-compliance', titleKey: 'menu.compliance', icon: 'DataBoard', roles: READERS },
        { route: 'activity-records', titleKey: 'menu.records', icon: 'Reading', roles: READERS },
        { route: 'activity-dual-lives', titleKey: 'menu.dualLife', icon: 'Connection', roles: READERS },
        { route: 'activity-me', titleKey: 'menu.myActivities', icon: 'Tickets', roles: ['PARTY_MEMBER'] },
      ],
    },
  ],
  homePanels: [
    { key: 'compliance-due', order: 20, due: true, roles: ['COMMITTEE_STAFF', 'BRANCH_SECRETARY'], component: () => import('./components/ComplianceDuePanel.vue') },
  ],
};
