import { graphql } from '../graphql';

/**
 * What an item of the work queue shows: the candidate, where they are, the interview it is about, and
 * who owes an overdue scorecard (worked out by the server, which sees cards blind review hides from us).
 */
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
    }
    waitingFor {
      id
      name
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
