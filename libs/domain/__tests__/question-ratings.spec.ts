import { questionRatingProblems } from '../question-ratings';

const stage = { name: 'Technical interview', questionIds: ['q1', 'q2', 'q3'], scale: { scaleMin: 1, scaleMax: 4 } };

describe('questionRatingProblems', () => {
  it('accepts any subset of the stage questions, each once, on the scale', () => {
    expect(questionRatingProblems([], stage)).toEqual({});
    expect(
      questionRatingProblems(
        [
          { questionId: 'q3', score: 1 },
          { questionId: 'q1', score: 4 },
        ],
        stage,
      ),
    ).toEqual({});
  });

  it('refuses a question of another stage, a question rated twice and a score off the scale, by field', () => {
    expect(
      questionRatingProblems(
        [
          { questionId: 'q1', score: 3 },
          { questionId: 'elsewhere', score: 2 },
          { questionId: 'q1', score: 5 },
          { questionId: 'q2', score: 2.5 },
        ],
        stage,
      ),
    ).toEqual({
      'questionRatings[1].questionId': 'not a question of the "Technical interview" stage',
      'questionRatings[2].questionId': 'rated twice',
      'questionRatings[2].score': 'must be a whole number from 1 to 4',
      'questionRatings[3].score': 'must be a whole number from 1 to 4',
    });
  });

  it('follows the scale of the rubric, and refuses scores when the stage has no rubric', () => {
    const wide = { ...stage, scale: { scaleMin: 0, scaleMax: 10 } };
    expect(questionRatingProblems([{ questionId: 'q1', score: 0 }], wide)).toEqual({});
    expect(questionRatingProblems([{ questionId: 'q1', score: 3 }], { ...stage, scale: null })).toEqual({
      'questionRatings[0].score': '"Technical interview" has no rubric, so there is no scale to score on',
    });
  });
});
