import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, type GraphQLEnumType, GraphQLObjectType, GraphQLSchema, GraphQLString, printSchema } from 'graphql';
import { describeSchema, schemaCoordinates } from '../describe-schema';
import { SCHEMA_DESCRIPTIONS } from '../schema-descriptions';

const sdl = /* GraphQL */ `
  "Given in code."
  type Query {
    shout(text: String!, times: Int): String
    level: Level
    "Given in code."
    described: String
  }
  enum Level {
    LOW
    HIGH
  }
  input Filter {
    level: Level
  }
  type Mutation {
    noop(filter: Filter): Boolean
  }
`;

const build = () =>
  makeExecutableSchema({
    typeDefs: sdl,
    resolvers: {
      Query: { shout: (_: unknown, args: { text: string }) => args.text.toUpperCase(), level: () => 'hi' },
      Level: { LOW: 'lo', HIGH: 'hi' },
    },
  });

describe('describeSchema', () => {
  it('sets descriptions on types, fields, arguments, enum values and input fields', () => {
    const schema = describeSchema(build(), {
      'Query.shout': 'Upper-cases a text.',
      'Query.shout(text:)': 'The text.',
      'Query.shout(times:)': 'How often.',
      Level: 'A level.',
      'Level.HIGH': 'High.',
      Filter: 'A filter.',
      'Filter.level': 'Only this level.',
      'Mutation.noop(filter:)': 'Ignored.',
    });
    const query = schema.getQueryType()!;
    expect(query.description).toBe('Given in code.');
    expect(query.getFields().shout?.description).toBe('Upper-cases a text.');
    expect(query.getFields().shout?.args.map((arg) => arg.description)).toEqual(['The text.', 'How often.']);
    expect((schema.getType('Level') as GraphQLEnumType).description).toBe('A level.');
    expect((schema.getType('Level') as GraphQLEnumType).getValue('HIGH')?.description).toBe('High.');
    expect((schema.getType('Level') as GraphQLEnumType).getValue('LOW')?.description).toBeUndefined();
    expect(printSchema(schema)).toContain('"""Only this level."""\n  level: Level');
    expect(schema.getMutationType()!.getFields().noop?.args[0]?.description).toBe('Ignored.');
  });

  it('keeps resolvers and internal enum values', async () => {
    const schema = describeSchema(build(), { 'Query.shout': 'Upper-cases a text.', 'Level.HIGH': 'High.' });
    const result = await graphql({ schema, source: '{ shout(text: "hey") level }' });
    expect(result).toEqual({ data: { shout: 'HEY', level: 'HIGH' } });
  });

  it('refuses a coordinate that names no element, and one already described in code', () => {
    expect(() =>
      describeSchema(build(), {
        'Query.gone': 'Stale.',
        'Query.shout(nope:)': 'Stale.',
        'Level.MEDIUM': 'Stale.',
        Query: 'Twice.',
        'Query.described': 'Twice.',
      }),
    ).toThrow(
      [
        'Schema descriptions do not match the schema:',
        'Query.gone: names no element of the schema',
        'Query.shout(nope:): names no element of the schema',
        'Level.MEDIUM: names no element of the schema',
        'Query: already described in code ("Given in code.")',
        'Query.described: already described in code ("Given in code.")',
      ].join('\n'),
    );
  });

  it('lists every coordinate, built-in scalars and introspection types aside', () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { a: { type: GraphQLString } } }),
    });
    expect([...schemaCoordinates(schema).keys()]).toEqual(['Query', 'Query.a']);
  });

  it('has descriptions that are sentences: capitalised, ending with a period', () => {
    const bad = Object.entries(SCHEMA_DESCRIPTIONS).filter(([, text]) => !/^[A-Z`].*\.$/su.test(text.trim()));
    expect(bad).toEqual([]);
  });
});
