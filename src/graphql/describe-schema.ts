import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isIntrospectionType,
  isSpecifiedScalarType,
} from 'graphql';

/** Schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `Input.field`) → description. */
export type SchemaDescriptions = Readonly<Record<string, string>>;

interface Described {
  readonly description?: string | null;
}

/**
 * Every schema coordinate of the schema's own elements, with the description given in code (or
 * null). Built-in scalars and introspection types are left out: they are not ours to describe.
 */
export function schemaCoordinates(schema: GraphQLSchema): Map<string, Described> {
  const coordinates = new Map<string, Described>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    coordinates.set(type.name, type);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        coordinates.set(`${type.name}.${field.name}`, field);
        for (const arg of field.args) coordinates.set(`${type.name}.${field.name}(${arg.name}:)`, arg);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) coordinates.set(`${type.name}.${field.name}`, field);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) coordinates.set(`${type.name}.${value.name}`, value);
    }
  }
  return coordinates;
}

/**
 * Returns a copy of `schema` with the descriptions of `descriptions` set on the elements they name.
 * Throws, listing every offender, if a coordinate names no element (a stale entry) or if the element
 * already has a description in code (two sources for one text). Resolvers and extensions are kept.
 */
export function describeSchema(schema: GraphQLSchema, descriptions: SchemaDescriptions): GraphQLSchema {
  const coordinates = schemaCoordinates(schema);
  const problems: string[] = [];
  for (const [coordinate, text] of Object.entries(descriptions)) {
    const element = coordinates.get(coordinate);
    if (!element) problems.push(`${coordinate}: names no element of the schema`);
    else if (element.description) problems.push(`${coordinate}: already described in code ("${element.description}")`);
    else if (!text.trim()) problems.push(`${coordinate}: empty description`);
  }
  if (problems.length > 0) {
    throw new Error(`Schema descriptions do not match the schema:\n${problems.join('\n')}`);
  }
  const describe = (coordinate: string): string | undefined =>
    Object.hasOwn(descriptions, coordinate) ? descriptions[coordinate] : undefined;

  return mapSchema(schema, {
    [MapperKind.TYPE]: (type) => {
      const description = describe(type.name);
      if (description === undefined) return type;
      const config = type.toConfig();
      const Constructor = type.constructor as new (config: unknown) => typeof type;
      return new Constructor({ ...config, description });
    },
    [MapperKind.COMPOSITE_FIELD]: (field, fieldName, typeName) => {
      // The argument mapper is not told the argument's name, so arguments are described here.
      const args = Object.fromEntries(
        Object.entries(field.args ?? {}).map(([argName, arg]) => {
          const description = describe(`${typeName}.${fieldName}(${argName}:)`);
          return [argName, description === undefined ? arg : { ...arg, description }];
        }),
      );
      const description = describe(`${typeName}.${fieldName}`);
      return { ...field, args, ...(description === undefined ? {} : { description }) };
    },
    [MapperKind.INPUT_OBJECT_FIELD]: (field, fieldName, typeName) => {
      const description = describe(`${typeName}.${fieldName}`);
      return description === undefined ? field : { ...field, description };
    },
    [MapperKind.ENUM_VALUE]: (value, typeName, _schema, externalValue) => {
      const description = describe(`${typeName}.${externalValue}`);
      return description === undefined ? value : { ...value, description };
    },
  });
}
