// A reproducible, realistic hiring history: users, the built-in plan as a template, positions with
// their own copy of it, candidates and applications walked through the stages with interviews,
// scorecards, skill verdicts and stage decisions. Pure and deterministic: the same options give the
// same rows (ids and timestamps included). The rules (enums, weighted score, stage decision,
// skill verdicts, the pipeline's state machine) are libs/domain's; the plan is the catalog's
// built-in plan file. `seed-synthetic.ts` writes the rows; tests analyse them in memory.
//
// Every application is generated from its own random streams (keyed by seed and application
// index), so any range of applications can be generated on its own and ranges concatenate to the
// whole history: that is how the CLI streams a million applications without holding them all.
export { DEFAULT_NOW, HISTORY_DAYS } from './clock';
export { generateApplications, generateHistory } from './history';
export { SYNTHETIC_EMAIL_DOMAIN, SYNTHETIC_PASSWORD_HASH } from './people';
export { SYNTHETIC_PLAN } from './plan';
export { Random } from './random';
export * from './rows';
export { insertHistory, tableNameOf, type InsertOptions, type InsertProgress, type Queryable } from './sql';
export { CANDIDATES_PER_APPLICATION, createSyntheticWorld, type GenerateOptions, type SyntheticWorld } from './world';
export type { QuestionInfo } from './catalog';
