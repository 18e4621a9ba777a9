/** What the audit plugin gathers while one GraphQL request resolves, written when it answers. */
const READS = Symbol('audit.contactReads');

type WithReads = { [READS]?: Set<string> };

/**
 * Notes that the caller was shown the contact details (e-mail, phone, notes) of these candidates
 * in this request; the audit plugin appends one `candidate.contact.read` entry per candidate.
 */
export function noteContactReads(context: object, candidateIds: Iterable<string>): void {
  const holder = context as WithReads;
  const reads = (holder[READS] ??= new Set());
  for (const id of candidateIds) reads.add(id);
}

export function takeContactReads(context: object): string[] {
  const holder = context as WithReads;
  const reads = [...(holder[READS] ?? [])];
  delete holder[READS];
  return reads;
}
