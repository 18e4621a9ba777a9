import { graphql } from '../graphql';

export const AdminUserFieldsFragment = graphql(`
  fragment AdminUserFields on User {
    id
    name
    email
    roles
    timezone
    deactivatedAt
  }
`);

export const AdminUsersDocument = graphql(`
  query AdminUsers {
    users(includeDeactivated: true) {
      ...AdminUserFields
    }
  }
`);

export const CreateUserDocument = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...AdminUserFields
      }
    }
  }
`);

export const UpdateUserDocument = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user {
        ...AdminUserFields
      }
    }
  }
`);

export const DeactivateUserDocument = graphql(`
  mutation DeactivateUser($input: UserIdInput!) {
    deactivateUser(input: $input) {
      affectedInterviewIds
      user {
        ...AdminUserFields
      }
    }
  }
`);

export const ReactivateUserDocument = graphql(`
  mutation ReactivateUser($input: UserIdInput!) {
    reactivateUser(input: $input) {
      user {
        ...AdminUserFields
      }
    }
  }
`);

export const MyNotificationPreferencesDocument = graphql(`
  query MyNotificationPreferences {
    myNotificationPreferences {
      kind
      email
    }
  }
`);

export const UpdateMyNotificationPreferencesDocument = graphql(`
  mutation UpdateMyNotificationPreferences($input: NotificationPreferencesInput!) {
    updateMyNotificationPreferences(input: $input) {
      preferences {
        kind
        email
      }
    }
  }
`);

export const WebhookSubscriptionFieldsFragment = graphql(`
  fragment WebhookSubscriptionFields on WebhookSubscription {
    id
    url
    events
    active
    createdAt
  }
`);

export const WebhooksDocument = graphql(`
  query Webhooks($status: WebhookDeliveryStatus) {
    webhookSubscriptions {
      ...WebhookSubscriptionFields
    }
    webhookDeliveries(status: $status, first: 100) {
      id
      event
      status
      attempts
      createdAt
      deliveredAt
      lastError
      subscription {
        id
        url
      }
    }
  }
`);

export const CreateWebhookSubscriptionDocument = graphql(`
  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      secret
      subscription {
        ...WebhookSubscriptionFields
      }
    }
  }
`);

export const DeleteWebhookSubscriptionDocument = graphql(`
  mutation DeleteWebhookSubscription($input: DeleteWebhookSubscriptionInput!) {
    deleteWebhookSubscription(input: $input) {
      subscriptionId
    }
  }
`);

export const ReplayWebhookDeliveryDocument = graphql(`
  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
    replayWebhookDelivery(input: $input) {
      delivery {
        id
        status
        attempts
        lastError
      }
    }
  }
`);

export const AuditLogDocument = graphql(`
  query AuditLog($action: String, $actorId: ID, $targetId: ID, $before: DateTime, $first: Int) {
    auditLog(action: $action, actorId: $actorId, targetId: $targetId, before: $before, first: $first) {
      id
      at
      action
      outcome
      targetType
      targetId
      requestId
      actor {
        id
        name
      }
    }
  }
`);

export const PlanTemplatesDocument = graphql(`
  query PlanTemplates {
    planTemplates {
      id
      name
      version
      description
    }
  }
`);

export const PlanTemplateDocument = graphql(`
  query PlanTemplate($id: ID!) {
    planTemplate(id: $id) {
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
          minDurationHours
          maxDurationHours
        }
      }
      skillRequirements {
        priority
        minimumRequirement
        verificationMethod
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
  }
`);
