import type { EditablePlanFieldsFragment } from '../../graphql/graphql';

export type EditablePlan = EditablePlanFieldsFragment;
export type EditableStage = EditablePlan['stages'][number];
export type EditableRequirement = EditablePlan['skillRequirements'][number];
