import type { SchemaDescriptions } from './describe-schema';

/**
 * Descriptions of the schema's elements, by schema coordinate: `Type`, `Type.field`,
 * `Type.field(arg:)`, `Enum.VALUE`, `Input.field`. Applied by describeSchema (graphql.config.ts) to
 * every element that has no description in code; an entry for an element that is gone, or that is
 * described in code too, stops the service at start. Times are DateTime, ISO-8601, returned in UTC.
 * Errors are named by their `extensions.code` (docs/security.md, the contract).
 */
export const SCHEMA_DESCRIPTIONS: SchemaDescriptions = {};
