import { graphql } from '../../graphql';

export const EditablePlanFieldsFragment = graphql(`
  fragment EditablePlanFields on InterviewPlan {
    id
    name
    version
    description
    stages {
      id
      order
      name
      kind
      durationMinutes
      feedbackDueHours
      autoAdvance
      passThreshold
      requiredFromLevel
      focusAreas
      participants
      successCriteria
      preparationTips
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
      }
      practicalTask {
        id
        title
      }
    }
    skillRequirements {
      priority
      minimumRequirement
      verificationMethod
      evaluationCriteria
      skill {
        id
        name
      }
      verifiedIn {
        id
        name
      }
    }
  }
`);

export const EditablePlanDocument = graphql(`
  query EditablePlan($id: ID!) {
    planTemplate(id: $id) {
      ...EditablePlanFields
    }
    planTemplates {
      id
      name
      version
    }
  }
`);

/** The bank the editor picks from: questions, practical tasks and skills. */
export const PlanEditorBankDocument = graphql(`
  query PlanEditorBank {
    questions {
      id
      prompt
      category
    }
    practicalTasks {
      id
      title
      description
      minDurationHours
      maxDurationHours
      stageKinds
    }
    skills {
      id
      name
    }
  }
`);

export const EditPlanStageDocument = graphql(`
  mutation EditPlanStage($input: UpdatePlanStageInput!) {
    updatePlanStage(input: $input) {
      stage {
        id
        planId
      }
    }
  }
`);

export const EditStageRubricDocument = graphql(`
  mutation EditStageRubric($input: SetStageRubricInput!) {
    setStageRubric(input: $input) {
      stage {
        id
        planId
      }
    }
  }
`);

export const AddPlanStageDocument = graphql(`
  mutation AddPlanStage($input: AddPlanStageInput!) {
    addPlanStage(input: $input) {
      plan {
        id
      }
    }
  }
`);

export const RemovePlanStageDocument = graphql(`
  mutation RemovePlanStage($input: RemovePlanStageInput!) {
    removePlanStage(input: $input) {
      plan {
        id
      }
    }
  }
`);

export const ReorderPlanStagesDocument = graphql(`
  mutation ReorderPlanStages($input: ReorderPlanStagesInput!) {
    reorderPlanStages(input: $input) {
      plan {
        id
      }
    }
  }
`);

export const EditSkillRequirementDocument = graphql(`
  mutation EditSkillRequirement($input: SetSkillRequirementInput!) {
    setSkillRequirement(input: $input) {
      plan {
        id
      }
    }
  }
`);

export const RemoveSkillRequirementDocument = graphql(`
  mutation RemoveSkillRequirement($input: RemoveSkillRequirementInput!) {
    removeSkillRequirement(input: $input) {
      plan {
        id
      }
    }
  }
`);
