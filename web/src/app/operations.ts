import { graphql } from '../graphql';

export const SessionUserFields = graphql(`
  fragment SessionUserFields on User {
    id
    email
    name
    roles
    timezone
  }
`);

export const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      user {
        ...SessionUserFields
      }
    }
  }
`);

export const RefreshSessionDocument = graphql(`
  mutation RefreshSession {
    refreshToken {
      accessToken
      user {
        ...SessionUserFields
      }
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    revokeRefreshToken {
      revoked
    }
  }
`);

export const MyNotificationsDocument = graphql(`
  query MyNotifications {
    myNotifications {
      id
      kind
      subject
      body
      link
      createdAt
      readAt
      resolvedAt
    }
  }
`);

export const MarkNotificationReadDocument = graphql(`
  mutation MarkNotificationRead($input: MarkNotificationReadInput!) {
    markNotificationRead(input: $input) {
      notification {
        id
        readAt
      }
    }
  }
`);

export const MyCalendarFeedUrlDocument = graphql(`
  query MyCalendarFeedUrl {
    myCalendarFeedUrl
  }
`);
