import { graphql } from '../graphql';

export const DashboardDocument = graphql(`
  query Dashboard($filter: AnalyticsFilter) {
    pipelineSummary(filter: $filter) {
      applications
      active
      hired
      rejected
      withdrawn
      overallSuccessRate
      averageDurationDays
      medianDurationDays
    }
    successRatesByExperienceLevel(filter: $filter) {
      experienceLevel
      applications
      hired
      rejected
      active
      withdrawn
      successRate
    }
    weekly: stageRatesBy(by: APPLIED_WEEK, filter: $filter) {
      group
      stageKind
      entered
      passed
      failed
      passRate
      passRateLow
      passRateHigh
    }
    stageTimings(filter: $filter) {
      stageKind
      entered
      averageHoursInStage
      averageHoursToFirstInterview
      averageTurnaroundHours
      onTimeShare
      scorecards
    }
    rejectionReasons(filter: $filter) {
      stageKind
      reasonCode
      rejections
      share
    }
    interviewerCalibration(filter: $filter) {
      interviewer {
        id
        name
      }
      scorecards
      meanScore
      meanDeviationFromPanel
      agreementWithOutcome
      flagged
    }
    questionEffectiveness(filter: $filter) {
      question {
        id
        prompt
      }
      ratings
      passedRatings
      failedRatings
      meanScorePassed
      meanScoreFailed
      separation
      effectSize
    }
  }
`);

export const FunnelDocument = graphql(`
  query Funnel($positionId: ID!, $filter: AnalyticsFilter) {
    stageSuccessRates(positionId: $positionId, filter: $filter) {
      order
      stageName
      stageKind
      entered
      passed
      failed
      withdrawn
      inProgress
      passRate
      passRateLow
      passRateHigh
      medianHoursInStage
    }
  }
`);

export const DashboardPositionsDocument = graphql(`
  query DashboardPositions {
    positions {
      id
      title
      status
    }
  }
`);

export const AnalyticsCsvDocument = graphql(`
  query AnalyticsCsv($table: AnalyticsTable!, $filter: AnalyticsFilter, $positionId: ID) {
    analyticsCsv(table: $table, filter: $filter, positionId: $positionId)
  }
`);
