import { operation } from './operation';

export interface CreateCandidateInput {
  name: string;
  email: string;
  experienceLevel: string;
  experienceYears?: number;
  phone?: string;
  source?: string;
  tags?: string[];
  notes?: string;
}

export const CREATE_CANDIDATE = operation<
  { createCandidate: { candidate: { id: string } } },
  { input: CreateCandidateInput }
>(`mutation CreateCandidate($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }`);

/** A page of the candidates the caller may see, by name or email. */
export const CANDIDATES_PAGE = operation<
  {
    candidates: {
      totalCount: number;
      pageInfo: {
        hasNextPage: boolean;
        hasPreviousPage: boolean;
        startCursor: string | null;
        endCursor: string | null;
      };
      edges: Array<{ cursor: string; node: { name: string; email: string | null } }>;
    };
  },
  { search?: string; first?: number; after?: string | null }
>(`query CandidatesPage($search: String, $first: Int, $after: String) {
  candidates(first: $first, search: $search, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name email } }
  }
}`);

/** The contact details the caller gets for the candidates they may see. */
export const CANDIDATE_CONTACTS = operation<
  { candidates: { totalCount: number; edges: Array<{ node: { email: string | null; phone: string | null } }> } },
  { s?: string }
>(`query CandidateContacts($s: String) { candidates(search: $s) { totalCount edges { node { email phone } } } }`);

export const IMPORT_CANDIDATES = operation<
  {
    importCandidates: {
      imported: number;
      candidates: Array<{ email: string; tags: string[] }>;
      errors: Array<{ line: number; message: string }>;
    };
  },
  { input: { csv: string } }
>(`mutation ImportCandidates($input: ImportCandidatesInput!) {
  importCandidates(input: $input) { imported candidates { email tags } errors { line message } }
}`);

export interface UpdateCandidateInput {
  candidateId: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
  tags?: string[] | null;
  source?: string | null;
  expectedVersion?: number;
}

export interface CandidateFields {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  notes: string | null;
  tags: string[];
  source: string | null;
  version: number;
}

const CANDIDATE_FIELDS = 'id name email phone notes tags source version';

export const UPDATE_CANDIDATE = operation<
  { updateCandidate: { candidate: CandidateFields } },
  { input: UpdateCandidateInput }
>(`mutation UpdateCandidate($input: UpdateCandidateInput!) {
  updateCandidate(input: $input) { candidate { ${CANDIDATE_FIELDS} } }
}`);

export const CANDIDATE = operation<{ candidate: CandidateFields | null }, { id: string }>(
  `query Candidate($id: ID!) { candidate(id: $id) { ${CANDIDATE_FIELDS} } }`,
);
