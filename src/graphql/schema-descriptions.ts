import type { SchemaDescriptions } from './describe-schema';

/**
 * Descriptions of the schema's elements, by schema coordinate: `Type`, `Type.field`,
 * `Type.field(arg:)`, `Enum.VALUE`, `Input.field`. Applied by describeSchema (graphql.config.ts) to
 * every element that has no description in code; an entry for an element that is gone, or that is
 * described in code too, stops the service at start. Times are DateTime, ISO-8601, returned in UTC.
 * Errors are named by their `extensions.code` (docs/security.md, the contract).
 */
export const SCHEMA_DESCRIPTIONS: SchemaDescriptions = {
  // --- identity (src/modules/identity): sign-in, tokens, users ---
  Role: 'What a user may do. A user holds one or more roles; see docs/domain.md#who-sees-what.',
  'Role.ADMIN': 'Runs the installation: manages users and may take every action on every record.',
  'Role.RECRUITER': 'Opens positions, adds candidates and applications, schedules interviews and edits the catalog.',
  'Role.INTERVIEWER': 'Sits on interview panels and writes scorecards; sees only the applications they interview for.',
  'Role.HIRING_MANAGER':
    'Manages positions: decides on their applications (advance, reject, hire) and reads their analytics.',
  User: 'A person who signs in. Names are visible to every signed-in user; e-mail and roles only to staff and the user.',
  'User.id': 'Stable id of the user.',
  'User.name': 'Display name.',
  'User.email':
    'Sign-in e-mail, lower-cased. For ADMIN, RECRUITER, HIRING_MANAGER and the user themselves; FORBIDDEN for others.',
  'User.roles':
    'Roles held by the user. For ADMIN, RECRUITER, HIRING_MANAGER and the user themselves; FORBIDDEN for others.',
  UserPayload: 'Result of a user mutation.',
  'UserPayload.user': 'The user as saved.',
  AuthPayload: 'A new token pair for the signed-in user.',
  'AuthPayload.accessToken':
    'JWT to send as `Authorization: Bearer <token>`; valid 15 minutes (JWT_ACCESS_TTL_SECONDS).',
  'AuthPayload.refreshToken':
    'Opaque token for `refreshToken`, valid 30 days and usable once; also set as the httpOnly cookie `ip_refresh_token`.',
  'AuthPayload.user': 'The signed-in user.',
  LoginInput: 'Credentials for `login`.',
  'LoginInput.email': 'The e-mail the user was created with (case-insensitive).',
  'LoginInput.password': 'The password. A wrong one and an unknown e-mail give the same UNAUTHENTICATED error.',
  CreateUserInput: 'A new user account.',
  'CreateUserInput.email': 'Sign-in e-mail, unique case-insensitively; CONFLICT if taken.',
  'CreateUserInput.name': 'Display name, not blank.',
  'CreateUserInput.password': 'Initial password; BAD_USER_INPUT names the rule it breaks.',
  'CreateUserInput.roles': 'At least one role.',
  RevokeRefreshTokenInput: 'Which refresh token to revoke at sign-out.',
  RevokeRefreshTokenPayload: 'Result of `revokeRefreshToken`.',
  'Query.me': 'The signed-in user. Any role; UNAUTHENTICATED without a valid access token.',
  'Query.users(role:)': 'Only users holding this role; left out, every user.',
  'Mutation.login(input:)': 'E-mail and password. UNAUTHENTICATED when wrong; RATE_LIMITED after repeated failures.',
  'Mutation.refreshToken(refreshToken:)':
    'The refresh token to exchange; left out, the `ip_refresh_token` cookie. UNAUTHENTICATED if unknown, expired or revoked.',
  'Mutation.revokeRefreshToken(input:)': 'The token to revoke; left out, the `ip_refresh_token` cookie.',
  'Mutation.createUser': 'Creates an active user. ADMIN only (FORBIDDEN otherwise); CONFLICT if the e-mail is taken.',
  'Mutation.createUser(input:)': 'The new user.',

  // --- notifications (src/modules/notifications) ---
  Notification: 'A message to the signed-in user about something that needs them (an interview, a due scorecard).',
  'Notification.id': 'Stable id of the notification.',
  'Notification.kind': 'Machine-readable kind of event; new kinds may appear, so treat unknown ones as plain messages.',
  'Notification.subject': 'One-line summary.',
  'Notification.body': 'The full text, plain.',
  'Notification.createdAt': 'When it was sent (UTC).',
  'Notification.readAt': 'When the user marked it read (UTC); null while unread.',
  NotificationPayload: 'Result of a notification mutation.',
  'NotificationPayload.notification': 'The notification as saved.',
  MarkNotificationReadInput: 'Which notification to mark read.',
  'MarkNotificationReadInput.notificationId': 'One of your own notifications; NOT_FOUND for any other id.',
  'Query.myNotifications(unreadOnly:)': 'True: only unread ones. Left out or false: all of them.',
  'Mutation.markNotificationRead':
    "Marks one of your notifications read (again is harmless). Any role; NOT_FOUND for others' notifications.",
  'Mutation.markNotificationRead(input:)': 'The notification.',

  // --- candidates (src/modules/candidates) ---
  Candidate: 'A person who applies. Contact details and notes are for the hiring team only.',
  'Candidate.id': 'Stable id of the candidate.',
  'Candidate.name': 'Full name.',
  'Candidate.experienceLevel': 'Experience level as the recruiter recorded it.',
  'Candidate.experienceYears': 'Years of professional experience; null when unknown.',
  'Candidate.source': 'Where the candidate came from (referral, job board...); null when unknown.',
  'Candidate.tags': 'Free labels set by recruiters.',
  'Candidate.applications': "The candidate's applications the caller may read, newest first.",
  CandidateConnection: 'A page of candidates (Relay connection).',
  'CandidateConnection.edges': 'The candidates of this page, newest first.',
  'CandidateConnection.pageInfo': 'Where this page lies; pass `endCursor` as `after` for the next one.',
  'CandidateConnection.totalCount': 'Candidates matching the query across all pages.',
  CandidateEdge: 'One candidate of a page.',
  'CandidateEdge.cursor': 'Opaque cursor: pass as `after` to start after this candidate.',
  'CandidateEdge.node': 'The candidate.',
  CandidatePayload: 'Result of a candidate mutation.',
  'CandidatePayload.candidate': 'The candidate as saved.',
  CandidateImportRowError: 'Why one CSV row was not imported.',
  'CandidateImportRowError.message': 'What is wrong with the row and how to fix it.',
  CreateCandidateInput: 'A new candidate.',
  'CreateCandidateInput.name': 'Full name, not blank.',
  'CreateCandidateInput.email':
    'E-mail, unique case-insensitively; CONFLICT with `extensions.existingId` if a candidate has it.',
  'CreateCandidateInput.phone': 'Phone number, free form.',
  'CreateCandidateInput.experienceLevel': 'Experience level.',
  'CreateCandidateInput.experienceYears': 'Years of professional experience, 0 or more.',
  'CreateCandidateInput.source': 'Where the candidate came from.',
  'CreateCandidateInput.tags': 'Free labels.',
  'CreateCandidateInput.notes': 'Recruiter notes, visible to the hiring team only.',
  ImportCandidatesInput: 'A CSV file of candidates.',
  ImportCandidatesPayload: 'What an import did: each row is saved or refused on its own.',
  'ImportCandidatesPayload.candidates': 'The candidates created.',
  'ImportCandidatesPayload.errors': 'The rows refused, by line.',
  'ImportCandidatesPayload.imported': 'How many rows were imported.',
  'Query.candidate':
    'One candidate, or null if unknown or not visible to the caller. Contact details are null for interviewers.',
  'Query.candidate(id:)': "The candidate's id.",
  'Query.candidates(first:)': 'Page size, 1 to 100 (default 20); BAD_USER_INPUT otherwise.',
  'Query.candidates(after:)': 'Cursor of the item to start after (`pageInfo.endCursor`); left out, the first page.',
  'Query.candidates(search:)': 'Part of the name or e-mail, case-insensitive; left out, every candidate.',
  'Mutation.createCandidate':
    'Adds a candidate. ADMIN and RECRUITER (FORBIDDEN otherwise); CONFLICT if the e-mail exists.',
  'Mutation.createCandidate(input:)': 'The new candidate.',
  'Mutation.importCandidates(input:)': 'The CSV text. ADMIN and RECRUITER; FORBIDDEN otherwise.',

  // --- positions (src/modules/positions) ---
  Position:
    'An opening to fill, with its own copy of an interview plan. Visible to ADMIN, RECRUITER and its hiring manager.',
  'Position.id': 'Stable id of the position.',
  'Position.title': 'Job title.',
  'Position.level': 'Seniority sought.',
  'Position.companyProfile': 'The company profile its plan was tuned for.',
  'Position.status': 'DRAFT, OPEN or CLOSED.',
  'Position.hiringManager': 'The user who decides on its applications.',
  'Position.openedAt': 'When it was opened (UTC); null while DRAFT.',
  'Position.closedAt': 'When it was closed (UTC); null unless CLOSED.',
  'Position.applications': 'Its applications the caller may read, newest first (Relay connection).',
  'Position.applications(first:)': 'Page size, 1 to 100 (default 20); BAD_USER_INPUT otherwise.',
  'Position.applications(after:)':
    'Cursor of the item to start after (`pageInfo.endCursor`); left out, the first page.',
  'Position.applications(status:)': 'Only applications in this status; left out, all.',
  PositionPayload: 'Result of a position mutation.',
  'PositionPayload.position': 'The position as saved.',
  PositionStatus: 'Where a position is in its life: DRAFT -> OPEN -> CLOSED (or DRAFT -> CLOSED).',
  'PositionStatus.DRAFT': 'Being prepared: plan editable, no applications yet.',
  'PositionStatus.OPEN': 'Taking applications and interviews.',
  'PositionStatus.CLOSED': 'Final: only reject and withdraw remain for its applications; its plan is frozen.',
  CreatePositionInput: 'A new position; its plan is a copy of a template, tuned to the company profile.',
  'CreatePositionInput.title': 'Job title, not blank.',
  'CreatePositionInput.level': 'Seniority sought.',
  'CreatePositionInput.companyProfile': 'The company profile that tunes the copied plan.',
  'CreatePositionInput.hiringManagerId': 'An active user with HIRING_MANAGER or ADMIN; BAD_USER_INPUT otherwise.',
  'CreatePositionInput.recruiterIds':
    'At least one active user with RECRUITER or ADMIN; BAD_USER_INPUT lists every wrong id.',
  'UpdatePositionInput.positionId': 'The position to change.',
  'UpdatePositionInput.title': 'New title; left out, unchanged.',
  'UpdatePositionInput.level': 'New seniority; left out, unchanged.',
  'UpdatePositionInput.hiringManagerId': 'New hiring manager (active, HIRING_MANAGER or ADMIN); left out, unchanged.',
  'UpdatePositionInput.recruiterIds': 'The full new list of recruiters (at least one); left out, unchanged.',
  'Query.position':
    'One position, or null if unknown or not visible to the caller. ADMIN, RECRUITER and HIRING_MANAGER.',
  'Query.position(id:)': "The position's id.",
  'Query.positions(status:)': 'Only positions in this status; left out, all.',
  'Query.interviewKit(positionId:)': 'The position.',
  'Query.interviewKit(stageId:)':
    "A stage of the position's plan; FORBIDDEN unless the caller is on its hiring team or on a panel for it.",
  'Mutation.createPosition':
    'Creates a DRAFT position. ADMIN and RECRUITER (FORBIDDEN otherwise); BAD_USER_INPUT for wrong users.',
  'Mutation.createPosition(input:)': 'The new position.',
  'Mutation.updatePosition':
    'Changes a position. Its recruiters, hiring manager and admins (FORBIDDEN otherwise); CONFLICT on a stale revision.',
  'Mutation.updatePosition(input:)': 'The changes.',
  'Mutation.openPosition':
    'Opens a DRAFT position to applications. Its recruiters, hiring manager and admins; CONFLICT from another status.',
  'Mutation.openPosition(id:)': "The position's id.",
  'Mutation.closePosition':
    'Closes a position for good. Its recruiters, hiring manager and admins; CONFLICT if already CLOSED.',
  'Mutation.closePosition(id:)': "The position's id.",
  'InterviewKit.position': 'The position.',

  // @@END
};
