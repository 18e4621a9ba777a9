import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import * as operations from '../operations';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema.gql'), 'utf8'));
const documents = Object.entries(operations).filter(([, value]) => operations.isOperation(value)) as Array<
  [string, operations.Operation<unknown, unknown>]
>;

// A typo in a shared document would turn every test that expects an error into one that cannot fail.
describe('the shared operation documents', () => {
  it('are there', () => {
    expect(documents.length).toBeGreaterThan(50);
  });

  it.each(documents)('%s is valid against schema.gql', (_name, operation) => {
    expect(validate(schema, parse(operation.text)).map((error) => error.message)).toEqual([]);
  });
});
