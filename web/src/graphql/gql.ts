/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionUserFields on User {\n    id\n    email\n    name\n    roles\n    timezone\n  }\n": typeof types.SessionUserFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshSession {\n    refreshToken {\n      accessToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    revokeRefreshToken {\n      revoked\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  query MyNotifications {\n    myNotifications {\n      id\n      kind\n      subject\n      body\n      link\n      createdAt\n      readAt\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  mutation MarkNotificationRead($input: MarkNotificationReadInput!) {\n    markNotificationRead(input: $input) {\n      notification {\n        id\n        readAt\n      }\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  query MyCalendarFeedUrl {\n    myCalendarFeedUrl\n  }\n": typeof types.MyCalendarFeedUrlDocument,
    "\n  query ApplicationCandidate($id: ID!) {\n    application(id: $id) {\n      id\n      candidate {\n        id\n      }\n    }\n  }\n": typeof types.ApplicationCandidateDocument,
    "\n  query Positions($status: PositionStatus) {\n    positions(status: $status) {\n      id\n      title\n      status\n      level\n      companyProfile\n      openedAt\n      closedAt\n      hiringManager {\n        id\n        name\n      }\n      plan {\n        id\n        stages {\n          id\n          name\n          order\n        }\n      }\n      activeApplications: applications(status: ACTIVE, first: 1) {\n        totalCount\n      }\n    }\n  }\n": typeof types.PositionsDocument,
    "\n  query StageCounts($positionId: ID!) {\n    stageSuccessRates(positionId: $positionId) {\n      stageName\n      order\n      inProgress\n    }\n  }\n": typeof types.StageCountsDocument,
    "\n  query PositionFormOptions {\n    planTemplates {\n      id\n      name\n      version\n      stages {\n        id\n      }\n    }\n    hiringManagers: users(role: HIRING_MANAGER) {\n      id\n      name\n      email\n    }\n    recruiters: users(role: RECRUITER) {\n      id\n      name\n      email\n    }\n  }\n": typeof types.PositionFormOptionsDocument,
    "\n  mutation CreatePosition($input: CreatePositionInput!) {\n    createPosition(input: $input) {\n      position {\n        id\n        title\n        status\n      }\n    }\n  }\n": typeof types.CreatePositionDocument,
    "\n  mutation OpenPosition($id: ID!) {\n    openPosition(id: $id) {\n      position {\n        id\n        status\n        openedAt\n        closedAt\n      }\n    }\n  }\n": typeof types.OpenPositionDocument,
    "\n  mutation ClosePosition($id: ID!) {\n    closePosition(id: $id) {\n      position {\n        id\n        status\n        openedAt\n        closedAt\n      }\n    }\n  }\n": typeof types.ClosePositionDocument,
    "\n  fragment BoardCardFields on Application {\n    id\n    version\n    status\n    appliedAt\n    experienceLevel\n    candidate {\n      id\n      name\n    }\n    currentStage {\n      id\n    }\n    stageHistory {\n      enteredAt\n      exitedAt\n      stage {\n        id\n      }\n    }\n    interviews {\n      id\n      startsAt\n      status\n    }\n  }\n": typeof types.BoardCardFieldsFragmentDoc,
    "\n  query PipelineBoard($positionId: ID!) {\n    position(id: $positionId) {\n      id\n      title\n      status\n      level\n      plan {\n        id\n        stages {\n          id\n          name\n          order\n          kind\n        }\n      }\n    }\n  }\n": typeof types.PipelineBoardDocument,
    "\n  query BoardApplications($positionId: ID!, $status: ApplicationStatus!, $after: String) {\n    position(id: $positionId) {\n      id\n      applications(status: $status, first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...BoardCardFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardApplicationsDocument,
    "\n  mutation AdvanceApplication($input: AdvanceApplicationInput!) {\n    advanceApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": typeof types.AdvanceApplicationDocument,
    "\n  mutation RejectApplication($input: RejectApplicationInput!) {\n    rejectApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": typeof types.RejectApplicationDocument,
    "\n  mutation HoldApplication($input: HoldApplicationInput!) {\n    holdApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": typeof types.HoldApplicationDocument,
    "\n  mutation ResumeApplication($input: ResumeApplicationInput!) {\n    resumeApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": typeof types.ResumeApplicationDocument,
    "\n  mutation HireApplication($input: HireApplicationInput!) {\n    hireApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": typeof types.HireApplicationDocument,
    "\n  query Candidates($search: String, $after: String) {\n    candidates(search: $search, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          experienceLevel\n          source\n          tags\n          applications {\n            id\n            status\n            position {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CandidatesDocument,
    "\n  mutation CreateCandidate($input: CreateCandidateInput!) {\n    createCandidate(input: $input) {\n      candidate {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateCandidateDocument,
    "\n  mutation ImportCandidates($input: ImportCandidatesInput!) {\n    importCandidates(input: $input) {\n      imported\n      errors {\n        line\n        message\n      }\n      candidates {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ImportCandidatesDocument,
    "\n  query Candidate($id: ID!) {\n    candidate(id: $id) {\n      id\n      name\n      email\n      phone\n      experienceLevel\n      experienceYears\n      source\n      tags\n      notes\n      applications {\n        id\n        status\n        version\n        appliedAt\n        decidedAt\n        position {\n          id\n          title\n        }\n        currentStage {\n          id\n          name\n        }\n        stageHistory {\n          enteredAt\n          exitedAt\n          outcome\n          reason\n          reasonCode\n          decidedBy {\n            id\n            name\n          }\n          stage {\n            id\n            name\n          }\n        }\n        interviews {\n          id\n          startsAt\n          endsAt\n          status\n          stage {\n            id\n            name\n          }\n          interviewers {\n            id\n            name\n          }\n        }\n        skillVerifications {\n          verdict\n          priority\n          skill {\n            id\n            name\n          }\n        }\n        stageDecisions {\n          id\n          stageId\n          outcome\n          average\n          reasons\n          automatic\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.CandidateDocument,
    "\n  query OpenPositions {\n    positions(status: OPEN) {\n      id\n      title\n      level\n    }\n  }\n": typeof types.OpenPositionsDocument,
    "\n  mutation Apply($input: ApplyInput!) {\n    apply(input: $input) {\n      application {\n        id\n      }\n    }\n  }\n": typeof types.ApplyDocument,
    "\n  query SchedulingApplication($id: ID!) {\n    application(id: $id) {\n      id\n      status\n      candidate {\n        id\n        name\n      }\n      position {\n        id\n        title\n      }\n      currentStage {\n        id\n        name\n        durationMinutes\n        participants\n      }\n      interviews {\n        id\n        startsAt\n        endsAt\n        status\n        location\n        cancelReason\n        calendarInvite\n        stage {\n          id\n          name\n        }\n        interviewers {\n          id\n          name\n          timezone\n        }\n      }\n    }\n    interviewers: users(role: INTERVIEWER) {\n      id\n      name\n      email\n      timezone\n    }\n  }\n": typeof types.SchedulingApplicationDocument,
    "\n  query SuggestSlots($input: SuggestInterviewSlotsInput!) {\n    suggestInterviewSlots(input: $input) {\n      startsAt\n      endsAt\n      interviewerIds\n      panelLoad\n    }\n  }\n": typeof types.SuggestSlotsDocument,
    "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      interview {\n        id\n        startsAt\n        endsAt\n        status\n      }\n    }\n  }\n": typeof types.ScheduleInterviewDocument,
    "\n  mutation RescheduleInterview($input: RescheduleInterviewInput!) {\n    rescheduleInterview(input: $input) {\n      interview {\n        id\n        startsAt\n        endsAt\n        status\n      }\n    }\n  }\n": typeof types.RescheduleInterviewDocument,
    "\n  mutation CancelInterview($input: CancelInterviewInput!) {\n    cancelInterview(input: $input) {\n      interview {\n        id\n        status\n        cancelReason\n      }\n    }\n  }\n": typeof types.CancelInterviewDocument,
};
const documents: Documents = {
    "\n  fragment SessionUserFields on User {\n    id\n    email\n    name\n    roles\n    timezone\n  }\n": types.SessionUserFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshSession {\n    refreshToken {\n      accessToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    revokeRefreshToken {\n      revoked\n    }\n  }\n": types.SignOutDocument,
    "\n  query MyNotifications {\n    myNotifications {\n      id\n      kind\n      subject\n      body\n      link\n      createdAt\n      readAt\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  mutation MarkNotificationRead($input: MarkNotificationReadInput!) {\n    markNotificationRead(input: $input) {\n      notification {\n        id\n        readAt\n      }\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  query MyCalendarFeedUrl {\n    myCalendarFeedUrl\n  }\n": types.MyCalendarFeedUrlDocument,
    "\n  query ApplicationCandidate($id: ID!) {\n    application(id: $id) {\n      id\n      candidate {\n        id\n      }\n    }\n  }\n": types.ApplicationCandidateDocument,
    "\n  query Positions($status: PositionStatus) {\n    positions(status: $status) {\n      id\n      title\n      status\n      level\n      companyProfile\n      openedAt\n      closedAt\n      hiringManager {\n        id\n        name\n      }\n      plan {\n        id\n        stages {\n          id\n          name\n          order\n        }\n      }\n      activeApplications: applications(status: ACTIVE, first: 1) {\n        totalCount\n      }\n    }\n  }\n": types.PositionsDocument,
    "\n  query StageCounts($positionId: ID!) {\n    stageSuccessRates(positionId: $positionId) {\n      stageName\n      order\n      inProgress\n    }\n  }\n": types.StageCountsDocument,
    "\n  query PositionFormOptions {\n    planTemplates {\n      id\n      name\n      version\n      stages {\n        id\n      }\n    }\n    hiringManagers: users(role: HIRING_MANAGER) {\n      id\n      name\n      email\n    }\n    recruiters: users(role: RECRUITER) {\n      id\n      name\n      email\n    }\n  }\n": types.PositionFormOptionsDocument,
    "\n  mutation CreatePosition($input: CreatePositionInput!) {\n    createPosition(input: $input) {\n      position {\n        id\n        title\n        status\n      }\n    }\n  }\n": types.CreatePositionDocument,
    "\n  mutation OpenPosition($id: ID!) {\n    openPosition(id: $id) {\n      position {\n        id\n        status\n        openedAt\n        closedAt\n      }\n    }\n  }\n": types.OpenPositionDocument,
    "\n  mutation ClosePosition($id: ID!) {\n    closePosition(id: $id) {\n      position {\n        id\n        status\n        openedAt\n        closedAt\n      }\n    }\n  }\n": types.ClosePositionDocument,
    "\n  fragment BoardCardFields on Application {\n    id\n    version\n    status\n    appliedAt\n    experienceLevel\n    candidate {\n      id\n      name\n    }\n    currentStage {\n      id\n    }\n    stageHistory {\n      enteredAt\n      exitedAt\n      stage {\n        id\n      }\n    }\n    interviews {\n      id\n      startsAt\n      status\n    }\n  }\n": types.BoardCardFieldsFragmentDoc,
    "\n  query PipelineBoard($positionId: ID!) {\n    position(id: $positionId) {\n      id\n      title\n      status\n      level\n      plan {\n        id\n        stages {\n          id\n          name\n          order\n          kind\n        }\n      }\n    }\n  }\n": types.PipelineBoardDocument,
    "\n  query BoardApplications($positionId: ID!, $status: ApplicationStatus!, $after: String) {\n    position(id: $positionId) {\n      id\n      applications(status: $status, first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...BoardCardFields\n          }\n        }\n      }\n    }\n  }\n": types.BoardApplicationsDocument,
    "\n  mutation AdvanceApplication($input: AdvanceApplicationInput!) {\n    advanceApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": types.AdvanceApplicationDocument,
    "\n  mutation RejectApplication($input: RejectApplicationInput!) {\n    rejectApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": types.RejectApplicationDocument,
    "\n  mutation HoldApplication($input: HoldApplicationInput!) {\n    holdApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": types.HoldApplicationDocument,
    "\n  mutation ResumeApplication($input: ResumeApplicationInput!) {\n    resumeApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": types.ResumeApplicationDocument,
    "\n  mutation HireApplication($input: HireApplicationInput!) {\n    hireApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n": types.HireApplicationDocument,
    "\n  query Candidates($search: String, $after: String) {\n    candidates(search: $search, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          experienceLevel\n          source\n          tags\n          applications {\n            id\n            status\n            position {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CandidatesDocument,
    "\n  mutation CreateCandidate($input: CreateCandidateInput!) {\n    createCandidate(input: $input) {\n      candidate {\n        id\n        name\n      }\n    }\n  }\n": types.CreateCandidateDocument,
    "\n  mutation ImportCandidates($input: ImportCandidatesInput!) {\n    importCandidates(input: $input) {\n      imported\n      errors {\n        line\n        message\n      }\n      candidates {\n        id\n        name\n      }\n    }\n  }\n": types.ImportCandidatesDocument,
    "\n  query Candidate($id: ID!) {\n    candidate(id: $id) {\n      id\n      name\n      email\n      phone\n      experienceLevel\n      experienceYears\n      source\n      tags\n      notes\n      applications {\n        id\n        status\n        version\n        appliedAt\n        decidedAt\n        position {\n          id\n          title\n        }\n        currentStage {\n          id\n          name\n        }\n        stageHistory {\n          enteredAt\n          exitedAt\n          outcome\n          reason\n          reasonCode\n          decidedBy {\n            id\n            name\n          }\n          stage {\n            id\n            name\n          }\n        }\n        interviews {\n          id\n          startsAt\n          endsAt\n          status\n          stage {\n            id\n            name\n          }\n          interviewers {\n            id\n            name\n          }\n        }\n        skillVerifications {\n          verdict\n          priority\n          skill {\n            id\n            name\n          }\n        }\n        stageDecisions {\n          id\n          stageId\n          outcome\n          average\n          reasons\n          automatic\n          createdAt\n        }\n      }\n    }\n  }\n": types.CandidateDocument,
    "\n  query OpenPositions {\n    positions(status: OPEN) {\n      id\n      title\n      level\n    }\n  }\n": types.OpenPositionsDocument,
    "\n  mutation Apply($input: ApplyInput!) {\n    apply(input: $input) {\n      application {\n        id\n      }\n    }\n  }\n": types.ApplyDocument,
    "\n  query SchedulingApplication($id: ID!) {\n    application(id: $id) {\n      id\n      status\n      candidate {\n        id\n        name\n      }\n      position {\n        id\n        title\n      }\n      currentStage {\n        id\n        name\n        durationMinutes\n        participants\n      }\n      interviews {\n        id\n        startsAt\n        endsAt\n        status\n        location\n        cancelReason\n        calendarInvite\n        stage {\n          id\n          name\n        }\n        interviewers {\n          id\n          name\n          timezone\n        }\n      }\n    }\n    interviewers: users(role: INTERVIEWER) {\n      id\n      name\n      email\n      timezone\n    }\n  }\n": types.SchedulingApplicationDocument,
    "\n  query SuggestSlots($input: SuggestInterviewSlotsInput!) {\n    suggestInterviewSlots(input: $input) {\n      startsAt\n      endsAt\n      interviewerIds\n      panelLoad\n    }\n  }\n": types.SuggestSlotsDocument,
    "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      interview {\n        id\n        startsAt\n        endsAt\n        status\n      }\n    }\n  }\n": types.ScheduleInterviewDocument,
    "\n  mutation RescheduleInterview($input: RescheduleInterviewInput!) {\n    rescheduleInterview(input: $input) {\n      interview {\n        id\n        startsAt\n        endsAt\n        status\n      }\n    }\n  }\n": types.RescheduleInterviewDocument,
    "\n  mutation CancelInterview($input: CancelInterviewInput!) {\n    cancelInterview(input: $input) {\n      interview {\n        id\n        status\n        cancelReason\n      }\n    }\n  }\n": types.CancelInterviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUserFields on User {\n    id\n    email\n    name\n    roles\n    timezone\n  }\n"): (typeof documents)["\n  fragment SessionUserFields on User {\n    id\n    email\n    name\n    roles\n    timezone\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshToken {\n      accessToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshToken {\n      accessToken\n      user {\n        ...SessionUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    revokeRefreshToken {\n      revoked\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    revokeRefreshToken {\n      revoked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications {\n    myNotifications {\n      id\n      kind\n      subject\n      body\n      link\n      createdAt\n      readAt\n    }\n  }\n"): (typeof documents)["\n  query MyNotifications {\n    myNotifications {\n      id\n      kind\n      subject\n      body\n      link\n      createdAt\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($input: MarkNotificationReadInput!) {\n    markNotificationRead(input: $input) {\n      notification {\n        id\n        readAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($input: MarkNotificationReadInput!) {\n    markNotificationRead(input: $input) {\n      notification {\n        id\n        readAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCalendarFeedUrl {\n    myCalendarFeedUrl\n  }\n"): (typeof documents)["\n  query MyCalendarFeedUrl {\n    myCalendarFeedUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationCandidate($id: ID!) {\n    application(id: $id) {\n      id\n      candidate {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationCandidate($id: ID!) {\n    application(id: $id) {\n      id\n      candidate {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Positions($status: PositionStatus) {\n    positions(status: $status) {\n      id\n      title\n      status\n      level\n      companyProfile\n      openedAt\n      closedAt\n      hiringManager {\n        id\n        name\n      }\n      plan {\n        id\n        stages {\n          id\n          name\n          order\n        }\n      }\n      activeApplications: applications(status: ACTIVE, first: 1) {\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query Positions($status: PositionStatus) {\n    positions(status: $status) {\n      id\n      title\n      status\n      level\n      companyProfile\n      openedAt\n      closedAt\n      hiringManager {\n        id\n        name\n      }\n      plan {\n        id\n        stages {\n          id\n          name\n          order\n        }\n      }\n      activeApplications: applications(status: ACTIVE, first: 1) {\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StageCounts($positionId: ID!) {\n    stageSuccessRates(positionId: $positionId) {\n      stageName\n      order\n      inProgress\n    }\n  }\n"): (typeof documents)["\n  query StageCounts($positionId: ID!) {\n    stageSuccessRates(positionId: $positionId) {\n      stageName\n      order\n      inProgress\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PositionFormOptions {\n    planTemplates {\n      id\n      name\n      version\n      stages {\n        id\n      }\n    }\n    hiringManagers: users(role: HIRING_MANAGER) {\n      id\n      name\n      email\n    }\n    recruiters: users(role: RECRUITER) {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query PositionFormOptions {\n    planTemplates {\n      id\n      name\n      version\n      stages {\n        id\n      }\n    }\n    hiringManagers: users(role: HIRING_MANAGER) {\n      id\n      name\n      email\n    }\n    recruiters: users(role: RECRUITER) {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePosition($input: CreatePositionInput!) {\n    createPosition(input: $input) {\n      position {\n        id\n        title\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePosition($input: CreatePositionInput!) {\n    createPosition(input: $input) {\n      position {\n        id\n        title\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenPosition($id: ID!) {\n    openPosition(id: $id) {\n      position {\n        id\n        status\n        openedAt\n        closedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenPosition($id: ID!) {\n    openPosition(id: $id) {\n      position {\n        id\n        status\n        openedAt\n        closedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClosePosition($id: ID!) {\n    closePosition(id: $id) {\n      position {\n        id\n        status\n        openedAt\n        closedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClosePosition($id: ID!) {\n    closePosition(id: $id) {\n      position {\n        id\n        status\n        openedAt\n        closedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardCardFields on Application {\n    id\n    version\n    status\n    appliedAt\n    experienceLevel\n    candidate {\n      id\n      name\n    }\n    currentStage {\n      id\n    }\n    stageHistory {\n      enteredAt\n      exitedAt\n      stage {\n        id\n      }\n    }\n    interviews {\n      id\n      startsAt\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment BoardCardFields on Application {\n    id\n    version\n    status\n    appliedAt\n    experienceLevel\n    candidate {\n      id\n      name\n    }\n    currentStage {\n      id\n    }\n    stageHistory {\n      enteredAt\n      exitedAt\n      stage {\n        id\n      }\n    }\n    interviews {\n      id\n      startsAt\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PipelineBoard($positionId: ID!) {\n    position(id: $positionId) {\n      id\n      title\n      status\n      level\n      plan {\n        id\n        stages {\n          id\n          name\n          order\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PipelineBoard($positionId: ID!) {\n    position(id: $positionId) {\n      id\n      title\n      status\n      level\n      plan {\n        id\n        stages {\n          id\n          name\n          order\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardApplications($positionId: ID!, $status: ApplicationStatus!, $after: String) {\n    position(id: $positionId) {\n      id\n      applications(status: $status, first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...BoardCardFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardApplications($positionId: ID!, $status: ApplicationStatus!, $after: String) {\n    position(id: $positionId) {\n      id\n      applications(status: $status, first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...BoardCardFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceApplication($input: AdvanceApplicationInput!) {\n    advanceApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdvanceApplication($input: AdvanceApplicationInput!) {\n    advanceApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectApplication($input: RejectApplicationInput!) {\n    rejectApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectApplication($input: RejectApplicationInput!) {\n    rejectApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HoldApplication($input: HoldApplicationInput!) {\n    holdApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HoldApplication($input: HoldApplicationInput!) {\n    holdApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeApplication($input: ResumeApplicationInput!) {\n    resumeApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeApplication($input: ResumeApplicationInput!) {\n    resumeApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HireApplication($input: HireApplicationInput!) {\n    hireApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HireApplication($input: HireApplicationInput!) {\n    hireApplication(input: $input) {\n      application {\n        ...BoardCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Candidates($search: String, $after: String) {\n    candidates(search: $search, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          experienceLevel\n          source\n          tags\n          applications {\n            id\n            status\n            position {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Candidates($search: String, $after: String) {\n    candidates(search: $search, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n          experienceLevel\n          source\n          tags\n          applications {\n            id\n            status\n            position {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCandidate($input: CreateCandidateInput!) {\n    createCandidate(input: $input) {\n      candidate {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCandidate($input: CreateCandidateInput!) {\n    createCandidate(input: $input) {\n      candidate {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportCandidates($input: ImportCandidatesInput!) {\n    importCandidates(input: $input) {\n      imported\n      errors {\n        line\n        message\n      }\n      candidates {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportCandidates($input: ImportCandidatesInput!) {\n    importCandidates(input: $input) {\n      imported\n      errors {\n        line\n        message\n      }\n      candidates {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Candidate($id: ID!) {\n    candidate(id: $id) {\n      id\n      name\n      email\n      phone\n      experienceLevel\n      experienceYears\n      source\n      tags\n      notes\n      applications {\n        id\n        status\n        version\n        appliedAt\n        decidedAt\n        position {\n          id\n          title\n        }\n        currentStage {\n          id\n          name\n        }\n        stageHistory {\n          enteredAt\n          exitedAt\n          outcome\n          reason\n          reasonCode\n          decidedBy {\n            id\n            name\n          }\n          stage {\n            id\n            name\n          }\n        }\n        interviews {\n          id\n          startsAt\n          endsAt\n          status\n          stage {\n            id\n            name\n          }\n          interviewers {\n            id\n            name\n          }\n        }\n        skillVerifications {\n          verdict\n          priority\n          skill {\n            id\n            name\n          }\n        }\n        stageDecisions {\n          id\n          stageId\n          outcome\n          average\n          reasons\n          automatic\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Candidate($id: ID!) {\n    candidate(id: $id) {\n      id\n      name\n      email\n      phone\n      experienceLevel\n      experienceYears\n      source\n      tags\n      notes\n      applications {\n        id\n        status\n        version\n        appliedAt\n        decidedAt\n        position {\n          id\n          title\n        }\n        currentStage {\n          id\n          name\n        }\n        stageHistory {\n          enteredAt\n          exitedAt\n          outcome\n          reason\n          reasonCode\n          decidedBy {\n            id\n            name\n          }\n          stage {\n            id\n            name\n          }\n        }\n        interviews {\n          id\n          startsAt\n          endsAt\n          status\n          stage {\n            id\n            name\n          }\n          interviewers {\n            id\n            name\n          }\n        }\n        skillVerifications {\n          verdict\n          priority\n          skill {\n            id\n            name\n          }\n        }\n        stageDecisions {\n          id\n          stageId\n          outcome\n          average\n          reasons\n          automatic\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenPositions {\n    positions(status: OPEN) {\n      id\n      title\n      level\n    }\n  }\n"): (typeof documents)["\n  query OpenPositions {\n    positions(status: OPEN) {\n      id\n      title\n      level\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Apply($input: ApplyInput!) {\n    apply(input: $input) {\n      application {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Apply($input: ApplyInput!) {\n    apply(input: $input) {\n      application {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulingApplication($id: ID!) {\n    application(id: $id) {\n      id\n      status\n      candidate {\n        id\n        name\n      }\n      position {\n        id\n        title\n      }\n      currentStage {\n        id\n        name\n        durationMinutes\n        participants\n      }\n      interviews {\n        id\n        startsAt\n        endsAt\n        status\n        location\n        cancelReason\n        calendarInvite\n        stage {\n          id\n          name\n        }\n        interviewers {\n          id\n          name\n          timezone\n        }\n      }\n    }\n    interviewers: users(role: INTERVIEWER) {\n      id\n      name\n      email\n      timezone\n    }\n  }\n"): (typeof documents)["\n  query SchedulingApplication($id: ID!) {\n    application(id: $id) {\n      id\n      status\n      candidate {\n        id\n        name\n      }\n      position {\n        id\n        title\n      }\n      currentStage {\n        id\n        name\n        durationMinutes\n        participants\n      }\n      interviews {\n        id\n        startsAt\n        endsAt\n        status\n        location\n        cancelReason\n        calendarInvite\n        stage {\n          id\n          name\n        }\n        interviewers {\n          id\n          name\n          timezone\n        }\n      }\n    }\n    interviewers: users(role: INTERVIEWER) {\n      id\n      name\n      email\n      timezone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestSlots($input: SuggestInterviewSlotsInput!) {\n    suggestInterviewSlots(input: $input) {\n      startsAt\n      endsAt\n      interviewerIds\n      panelLoad\n    }\n  }\n"): (typeof documents)["\n  query SuggestSlots($input: SuggestInterviewSlotsInput!) {\n    suggestInterviewSlots(input: $input) {\n      startsAt\n      endsAt\n      interviewerIds\n      panelLoad\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      interview {\n        id\n        startsAt\n        endsAt\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      interview {\n        id\n        startsAt\n        endsAt\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RescheduleInterview($input: RescheduleInterviewInput!) {\n    rescheduleInterview(input: $input) {\n      interview {\n        id\n        startsAt\n        endsAt\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RescheduleInterview($input: RescheduleInterviewInput!) {\n    rescheduleInterview(input: $input) {\n      interview {\n        id\n        startsAt\n        endsAt\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelInterview($input: CancelInterviewInput!) {\n    cancelInterview(input: $input) {\n      interview {\n        id\n        status\n        cancelReason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelInterview($input: CancelInterviewInput!) {\n    cancelInterview(input: $input) {\n      interview {\n        id\n        status\n        cancelReason\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;