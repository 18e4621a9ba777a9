/** What a user may do in the product; a user has one or more. */
export enum Role {
  ADMIN = 'ADMIN',
  RECRUITER = 'RECRUITER',
  INTERVIEWER = 'INTERVIEWER',
  HIRING_MANAGER = 'HIRING_MANAGER',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
