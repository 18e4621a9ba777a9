import { displayScore } from '../../../libs/domain';

/**
 * Scores as the API and the CSV show them (2 decimals); the services keep the exact values, which
 * the analytics correctness tests compare with their own computation.
 */
export function displayCalibration<Row extends { meanScore: number; meanDeviationFromPanel: number | null }>(
  row: Row,
): Row {
  return {
    ...row,
    meanScore: displayScore(row.meanScore),
    meanDeviationFromPanel: displayScore(row.meanDeviationFromPanel),
  };
}

export function displayQuestionEffectiveness<
  Row extends { meanScorePassed: number | null; meanScoreFailed: number | null; separation: number | null },
>(row: Row): Row {
  return {
    ...row,
    meanScorePassed: displayScore(row.meanScorePassed),
    meanScoreFailed: displayScore(row.meanScoreFailed),
    separation: displayScore(row.separation),
  };
}
