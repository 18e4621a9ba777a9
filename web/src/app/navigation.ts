import type { Role } from '../graphql/graphql';

export interface NavigationItem {
  label: string;
  to: string;
  roles: Role[];
  /** Not shown to these roles, whatever their other roles: their own item replaces it. */
  hiddenFor?: Role[];
  /** Shown in its place but not built until the API offers what it needs. */
  comingWith?: string;
  /** A heading the item is grouped under in the navigation (the admin screens). */
  section?: string;
  /** A page the API serves outside this app (Bull Board): a plain link that opens in a new tab. */
  external?: boolean;
}

/** The areas of the app and who sees them; actions inside follow the same roles as the API. */
export const NAVIGATION: NavigationItem[] = [
  // A recruiter's home is the work queue (`/` leads there), so they see that item instead of Home.
  {
    label: 'Home',
    to: '/',
    roles: ['ADMIN', 'RECRUITER', 'HIRING_MANAGER', 'INTERVIEWER'],
    hiddenFor: ['ADMIN', 'RECRUITER'],
  },
  { label: 'Work queue', to: '/work-queue', roles: ['ADMIN', 'RECRUITER'] },
  { label: 'Positions', to: '/positions', roles: ['ADMIN', 'RECRUITER', 'HIRING_MANAGER'] },
  { label: 'Candidates', to: '/candidates', roles: ['ADMIN', 'RECRUITER', 'HIRING_MANAGER'] },
  { label: 'Decisions', to: '/decisions', roles: ['ADMIN', 'RECRUITER', 'HIRING_MANAGER'] },
  { label: 'Dashboard', to: '/dashboard', roles: ['ADMIN', 'RECRUITER', 'HIRING_MANAGER'] },
  { label: 'My interviews', to: '/interviews', roles: ['ADMIN', 'RECRUITER', 'HIRING_MANAGER', 'INTERVIEWER'] },
  { label: 'Notifications', to: '/notifications', roles: ['ADMIN', 'RECRUITER', 'HIRING_MANAGER', 'INTERVIEWER'] },
  { label: 'Settings', to: '/settings', roles: ['ADMIN', 'RECRUITER', 'HIRING_MANAGER', 'INTERVIEWER'] },
  { label: 'Users', to: '/admin/users', roles: ['ADMIN'], section: 'Admin' },
  { label: 'Plan templates', to: '/admin/plan-templates', roles: ['ADMIN', 'RECRUITER'], section: 'Admin' },
  { label: 'Webhooks', to: '/admin/webhooks', roles: ['ADMIN'], section: 'Admin' },
  { label: 'Audit log', to: '/admin/audit-log', roles: ['ADMIN'], section: 'Admin' },
  // Bull Board lets admins in with the refresh-token cookie the API also sets for this path.
  { label: 'Job queues', to: '/admin/queues', roles: ['ADMIN'], section: 'Admin', external: true },
];

export const RECRUITING_ROLES: Role[] = ['ADMIN', 'RECRUITER'];
export const STAFF_ROLES: Role[] = ['ADMIN', 'RECRUITER', 'HIRING_MANAGER'];
