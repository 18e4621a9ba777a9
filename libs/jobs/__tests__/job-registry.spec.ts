import { jobRegistryProblem } from '../job-registry';
import { JOB_QUEUE } from '../job-names';

describe('jobRegistryProblem', () => {
  const jobs = ['system.heartbeat', 'pipeline.apply-stage-decision'];

  it('accepts one processor per job, whatever else processors declare', () => {
    expect(
      jobRegistryProblem(
        [
          { name: 'HeartbeatProcessor', jobNames: ['system.heartbeat'] },
          { name: 'StageDecisionProcessor', jobNames: ['pipeline.apply-stage-decision'] },
          { name: 'SlowJobProcessor', jobNames: ['slow'] },
        ],
        jobs,
      ),
    ).toBeNull();
  });

  it('names a job without a processor', () => {
    expect(jobRegistryProblem([{ name: 'HeartbeatProcessor', jobNames: ['system.heartbeat'] }], jobs)).toBe(
      'Worker cannot start: no processor for pipeline.apply-stage-decision.',
    );
  });

  it('names a job with two processors, and the processors', () => {
    expect(
      jobRegistryProblem(
        [
          { name: 'HeartbeatProcessor', jobNames: ['system.heartbeat'] },
          { name: 'StageDecisionProcessor', jobNames: ['pipeline.apply-stage-decision', 'system.heartbeat'] },
        ],
        jobs,
      ),
    ).toBe(
      'Worker cannot start: more than one processor for system.heartbeat (HeartbeatProcessor, StageDecisionProcessor).',
    );
  });

  it('names every problem in one line', () => {
    const problem = jobRegistryProblem(
      [
        { name: 'A', jobNames: ['system.heartbeat'] },
        { name: 'B', jobNames: ['system.heartbeat'] },
      ],
      jobs,
    );
    expect(problem).toBe(
      'Worker cannot start: no processor for pipeline.apply-stage-decision; more than one processor for system.heartbeat (A, B).',
    );
  });

  it('checks every job of job-names.ts by default', () => {
    expect(jobRegistryProblem([])).toBe(`Worker cannot start: no processor for ${Object.keys(JOB_QUEUE).join(', ')}.`);
  });
});
