import { graphql } from '../graphql';

export const DecisionApplicationFragment = graphql(`
  fragment DecisionApplication on Application {
    id
    version
    status
    experienceLevel
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
    stageDecisions {
      id
      stageId
      outcome
      average
      reasons
      reasonCode
      automatic
      createdAt
      appliedAt
    }
    skillVerifications {
      priority
      verdict
      skill {
        id
        name
      }
    }
  }
`);

/** The caller's stage decisions waiting for a person, and the applications waiting for the hire decision. */
export const DecisionQueueDocument = graphql(`
  query DecisionQueue {
    myWorkQueue {
      decisionsWaiting {
        count
        items {
          since
          application {
            ...DecisionApplication
          }
        }
      }
      awaitingHire {
        count
        items {
          since
          application {
            ...DecisionApplication
          }
        }
      }
    }
  }
`);

/** The panel's scorecards of one application, loaded when a decision's scorecards are opened. */
export const DecisionScorecardsDocument = graphql(`
  query DecisionScorecards($id: ID!) {
    application(id: $id) {
      id
      currentStage {
        id
        rubric {
          id
          criteria {
            id
            levels {
              score
              label
            }
          }
        }
      }
      interviews {
        id
        status
        stage {
          id
          name
        }
        scorecards {
          ...ScorecardFields
        }
      }
    }
  }
`);
