import { graphql } from '../graphql';

export const PositionsDocument = graphql(`
  query Positions($status: PositionStatus) {
    positions(status: $status) {
      id
      title
      status
      level
      companyProfile
      openedAt
      closedAt
      hiringManager {
        id
        name
      }
      plan {
        id
        stages {
          id
          name
          order
        }
      }
      activeApplications: applications(status: ACTIVE, first: 1) {
        totalCount
      }
    }
  }
`);

export const StageCountsDocument = graphql(`
  query StageCounts($positionId: ID!) {
    stageSuccessRates(positionId: $positionId) {
      stageName
      order
      inProgress
    }
  }
`);

export const PositionFormOptionsDocument = graphql(`
  query PositionFormOptions {
    planTemplates {
      id
      name
      version
      stages {
        id
      }
    }
    hiringManagers: users(role: HIRING_MANAGER) {
      id
      name
      email
    }
    recruiters: users(role: RECRUITER) {
      id
      name
      email
    }
  }
`);

export const CreatePositionDocument = graphql(`
  mutation CreatePosition($input: CreatePositionInput!) {
    createPosition(input: $input) {
      position {
        id
        title
        status
      }
    }
  }
`);

export const OpenPositionDocument = graphql(`
  mutation OpenPosition($id: ID!) {
    openPosition(id: $id) {
      position {
        id
        status
        openedAt
        closedAt
      }
    }
  }
`);

export const ClosePositionDocument = graphql(`
  mutation ClosePosition($id: ID!) {
    closePosition(id: $id) {
      position {
        id
        status
        openedAt
        closedAt
      }
    }
  }
`);

/** An application as the board's card needs it, from the transitions' answers. */
export const BoardCardFields = graphql(`
  fragment BoardCardFields on Application {
    id
    version
    status
    appliedAt
    experienceLevel
    candidate {
      id
      name
    }
    currentStage {
      id
    }
    stageHistory {
      enteredAt
      exitedAt
      stage {
        id
      }
    }
    interviews {
      id
      startsAt
      status
    }
  }
`);

export const PipelineBoardDocument = graphql(`
  query PipelineBoard($positionId: ID!) {
    position(id: $positionId) {
      id
      title
      status
      level
      plan {
        id
        stages {
          id
          name
          order
          kind
        }
      }
    }
  }
`);

/**
 * The board's cards: plain values read in one statement per page, and 2,000 a page, so a board of
 * 1,000 applications arrives in one request (the literal `first` keeps the query's cost estimate true).
 */
export const BoardCardsDocument = graphql(`
  query BoardCards($positionId: ID!, $after: String) {
    position(id: $positionId) {
      id
      boardCards(first: 2000, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            version
            status
            experienceLevel
            candidateId
            candidateName
            currentStageId
            enteredStageAt
            nextInterviewAt
          }
        }
      }
    }
  }
`);

export const AdvanceApplicationDocument = graphql(`
  mutation AdvanceApplication($input: AdvanceApplicationInput!) {
    advanceApplication(input: $input) {
      application {
        ...BoardCardFields
      }
    }
  }
`);

export const RejectApplicationDocument = graphql(`
  mutation RejectApplication($input: RejectApplicationInput!) {
    rejectApplication(input: $input) {
      application {
        ...BoardCardFields
      }
    }
  }
`);

export const HoldApplicationDocument = graphql(`
  mutation HoldApplication($input: HoldApplicationInput!) {
    holdApplication(input: $input) {
      application {
        ...BoardCardFields
      }
    }
  }
`);

export const ResumeApplicationDocument = graphql(`
  mutation ResumeApplication($input: ResumeApplicationInput!) {
    resumeApplication(input: $input) {
      application {
        ...BoardCardFields
      }
    }
  }
`);

export const HireApplicationDocument = graphql(`
  mutation HireApplication($input: HireApplicationInput!) {
    hireApplication(input: $input) {
      application {
        ...BoardCardFields
      }
    }
  }
`);

export const CandidatesDocument = graphql(`
  query Candidates($search: String, $after: String) {
    candidates(search: $search, first: 25, after: $after) {
      totalCount
      totalCountCapped
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          email
          experienceLevel
          source
          tags
          applications {
            id
            status
            position {
              id
              title
            }
          }
        }
      }
    }
  }
`);

export const CreateCandidateDocument = graphql(`
  mutation CreateCandidate($input: CreateCandidateInput!) {
    createCandidate(input: $input) {
      candidate {
        id
        name
      }
    }
  }
`);

export const ImportCandidatesDocument = graphql(`
  mutation ImportCandidates($input: ImportCandidatesInput!) {
    importCandidates(input: $input) {
      imported
      errors {
        line
        message
      }
      candidates {
        id
        name
      }
    }
  }
`);

export const CandidateDocument = graphql(`
  query Candidate($id: ID!) {
    candidate(id: $id) {
      id
      name
      email
      phone
      experienceLevel
      experienceYears
      source
      tags
      notes
      applications {
        id
        status
        version
        appliedAt
        decidedAt
        position {
          id
          title
        }
        currentStage {
          id
          name
        }
        stageHistory {
          enteredAt
          exitedAt
          outcome
          reason
          reasonCode
          decidedBy {
            id
            name
          }
          stage {
            id
            name
          }
        }
        interviews {
          id
          startsAt
          endsAt
          status
          stage {
            id
            name
          }
          interviewers {
            id
            name
          }
        }
        skillVerifications {
          verdict
          priority
          skill {
            id
            name
          }
        }
        stageDecisions {
          id
          stageId
          outcome
          average
          reasons
          automatic
          createdAt
        }
      }
    }
  }
`);

export const OpenPositionsDocument = graphql(`
  query OpenPositions {
    positions(status: OPEN) {
      id
      title
      level
    }
  }
`);

export const ApplyDocument = graphql(`
  mutation Apply($input: ApplyInput!) {
    apply(input: $input) {
      application {
        id
      }
    }
  }
`);

export const SchedulingApplicationDocument = graphql(`
  query SchedulingApplication($id: ID!) {
    application(id: $id) {
      id
      status
      candidate {
        id
        name
      }
      position {
        id
        title
      }
      currentStage {
        id
        name
        durationMinutes
        participants
      }
      interviews {
        id
        startsAt
        endsAt
        status
        location
        cancelReason
        calendarInvite
        stage {
          id
          name
        }
        interviewers {
          id
          name
          timezone
        }
      }
    }
    interviewers: users(role: INTERVIEWER) {
      id
      name
      email
      timezone
    }
  }
`);

export const SuggestSlotsDocument = graphql(`
  query SuggestSlots($input: SuggestInterviewSlotsInput!) {
    suggestInterviewSlots(input: $input) {
      startsAt
      endsAt
      interviewerIds
      panelLoad
    }
  }
`);

export const ScheduleInterviewDocument = graphql(`
  mutation ScheduleInterview($input: ScheduleInterviewInput!) {
    scheduleInterview(input: $input) {
      interview {
        id
        startsAt
        endsAt
        status
      }
    }
  }
`);

export const RescheduleInterviewDocument = graphql(`
  mutation RescheduleInterview($input: RescheduleInterviewInput!) {
    rescheduleInterview(input: $input) {
      interview {
        id
        startsAt
        endsAt
        status
      }
    }
  }
`);

export const CancelInterviewDocument = graphql(`
  mutation CancelInterview($input: CancelInterviewInput!) {
    cancelInterview(input: $input) {
      interview {
        id
        status
        cancelReason
      }
    }
  }
`);
