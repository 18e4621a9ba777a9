import { useQuery } from '@apollo/client/react';
import { Navigate, useParams } from 'react-router';
import { graphql } from '../graphql';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryState';

const ApplicationCandidateDocument = graphql(`
  query ApplicationCandidate($id: ID!) {
    application(id: $id) {
      id
      candidate {
        id
      }
    }
  }
`);

/** /applications/:id (the link of a notification): the candidate's page, at that application. */
export default function ApplicationRedirect() {
  const { applicationId = '' } = useParams();
  const { data, error, refetch } = useQuery(ApplicationCandidateDocument, { variables: { id: applicationId } });
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState label="Opening the application" />;
  if (!data.application)
    return <EmptyState title="Application not found">It may have been removed, or you may not see it.</EmptyState>;
  return <Navigate to={`/candidates/${data.application.candidate.id}#application-${applicationId}`} replace />;
}
