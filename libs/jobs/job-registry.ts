import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_QUEUE } from './job-names';
import { QueueProcessor } from './queue-processor';

/** The worker is wired wrong: a job of job-names.ts has no processor, or more than one. */
export class JobRegistryError extends Error {}

export interface DeclaredProcessor {
  /** The processor's class name, to name it in the message. */
  name: string;
  jobNames: readonly string[];
}

/**
 * One line naming every job that does not have exactly one processor, or null when each has one.
 * Names a processor declares beyond `jobNames` (test jobs) are not checked.
 */
export function jobRegistryProblem(
  processors: readonly DeclaredProcessor[],
  jobNames: readonly string[] = Object.keys(JOB_QUEUE),
): string | null {
  const unhandled: string[] = [];
  const doubled: string[] = [];
  for (const job of jobNames) {
    const handlers = processors.filter((processor) => processor.jobNames.includes(job)).map((p) => p.name);
    if (handlers.length === 0) unhandled.push(job);
    else if (handlers.length > 1) doubled.push(`${job} (${handlers.join(', ')})`);
  }
  const problems = [
    ...(unhandled.length ? [`no processor for ${unhandled.join(', ')}`] : []),
    ...(doubled.length ? [`more than one processor for ${doubled.join(', ')}`] : []),
  ];
  return problems.length ? `Worker cannot start: ${problems.join('; ')}.` : null;
}

/**
 * Checks, before any processor starts its BullMQ worker (that happens at application bootstrap),
 * that every job has exactly one processor among the worker's providers.
 */
@Injectable()
export class JobRegistryCheck implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const processors = new Set<QueueProcessor<string>>();
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.instance instanceof QueueProcessor) processors.add(wrapper.instance as QueueProcessor<string>);
    }
    const problem = jobRegistryProblem(
      [...processors].map((processor) => ({ name: processor.constructor.name, jobNames: processor.jobNames })),
    );
    if (problem) throw new JobRegistryError(problem);
  }
}
