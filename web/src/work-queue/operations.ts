import { graphql } from '../graphql';

/** What an item of the work queue shows: the candidate, where they are, and the interview it is about. */
export const WorkItemFieldsFragment = graphql(`
  fragment WorkItemFields on WorkItem {
    since
    application {
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
        order
      }
    }
    interview {
      id
      startsAt
      endsAt
      stage {
        id
        name
      }
      interviewers {
        id
        name
      }
      scorecards {
        id
        status
        interviewer {
          id
        }
      }
    }
  }
`);

/** The caller's work queue: five sections, each with its count and its longest-waiting items. */
export const WorkQueueDocument = graphql(`
  query WorkQueue {
    myWorkQueue {
      overdueScorecards {
        count
        items {
          ...WorkItemFields
        }
      }
      toSchedule {
        count
        items {
          ...WorkItemFields
        }
      }
      stalled {
        count
        items {
          ...WorkItemFields
        }
      }
      decisionsWaiting {
        count
        items {
          ...WorkItemFields
        }
      }
      awaitingHire {
        count
        items {
          ...WorkItemFields
        }
      }
    }
  }
`);
