import { graphql } from '../graphql';

export const MyInterviewsDocument = graphql(`
  query MyInterviews {
    myInterviews {
      id
      startsAt
      endsAt
      status
      location
      interviewers {
        id
        name
      }
      stage {
        id
        name
        feedbackDueHours
      }
      application {
        id
        candidate {
          id
          name
        }
        position {
          id
          title
        }
      }
      scorecards {
        id
        status
        dueAt
        interviewer {
          id
        }
      }
    }
  }
`);

export const ScorecardFieldsFragment = graphql(`
  fragment ScorecardFields on Scorecard {
    id
    status
    dueAt
    submittedAt
    weightedScore
    notes
    recommendation
    redFlags
    interviewer {
      id
      name
    }
    ratings {
      score
      evidence
      criterion {
        id
        name
      }
    }
    questionRatings {
      score
      note
      question {
        id
        prompt
      }
    }
    skillVerdicts {
      verdict
      evidence
      skill {
        id
        name
      }
    }
    amendments {
      reason
      createdAt
      author {
        id
        name
      }
    }
  }
`);

export const InterviewDocument = graphql(`
  query Interview($id: ID!) {
    interview(id: $id) {
      id
      startsAt
      endsAt
      status
      location
      interviewers {
        id
        name
      }
      application {
        id
        experienceLevel
        candidate {
          id
          name
        }
        position {
          id
          title
          companyProfile
        }
      }
      stage {
        id
        name
        kind
        durationMinutes
        feedbackDueHours
        focusAreas
        successCriteria
        preparationTips
        interviewerWeighs
        rubric {
          id
          name
          scaleMin
          scaleMax
          criteria {
            id
            name
            description
            weight
            covers
            levels {
              score
              label
              description
            }
          }
        }
        questions {
          id
          prompt
          category
          whatInterviewerWants
          keyPoints
          goodAnswerExample
          badAnswerExample
          followUps
          redFlags
        }
        practicalTask {
          id
          title
          description
          requirements
          deliverables
          evaluationCriteria
          commonMistakes
          tips
          minDurationHours
          maxDurationHours
        }
      }
      scorecards {
        ...ScorecardFields
      }
    }
  }
`);

export const InterviewKitExtrasDocument = graphql(`
  query InterviewKitExtras($positionId: ID!, $stageId: ID!) {
    interviewKit(positionId: $positionId, stageId: $stageId) {
      candidateQuestions {
        id
        prompt
        answerGuidance
      }
      skillsToVerify {
        priority
        verificationMethod
        evaluationCriteria
        minimumRequirement
        skill {
          id
          name
          description
        }
      }
    }
  }
`);

export const SaveScorecardDocument = graphql(`
  mutation SaveScorecard($input: SaveScorecardInput!) {
    saveScorecard(input: $input) {
      scorecard {
        ...ScorecardFields
      }
    }
  }
`);

export const SubmitScorecardDocument = graphql(`
  mutation SubmitScorecard($input: SubmitScorecardInput!) {
    submitScorecard(input: $input) {
      scorecard {
        ...ScorecardFields
      }
    }
  }
`);

export const AmendScorecardDocument = graphql(`
  mutation AmendScorecard($input: AmendScorecardInput!) {
    amendScorecard(input: $input) {
      scorecard {
        ...ScorecardFields
      }
    }
  }
`);
