import { ValidationPipe, type ArgumentMetadata, type PipeTransform, type ValidationError } from '@nestjs/common';
import { BadUserInputException, type FieldErrors } from './errors/domain.exception';
import { malformedText, textProblems } from './text-rules';

function collect(errors: ValidationError[], prefix: string, into: FieldErrors): FieldErrors {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) into[path] = messages.join('; ');
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

/** GraphQL arguments reach pipes as `body` (`GqlParamtype.ARGS` is 3, Nest's `RouteParamtypes.BODY`). */
const GRAPHQL_ARGS = 'body';

function refuse(fields: FieldErrors): BadUserInputException {
  const list = Object.entries(fields)
    .map(([path, message]) => `${path} ${message}`)
    .join('; ');
  return new BadUserInputException(`Invalid input: ${list}.`, fields);
}

/**
 * Validates GraphQL inputs: the class-validator decorators of input classes, then the text rules
 * that hold for every argument (length, list size, control characters, names; see text-rules.ts),
 * scalars included. A failure is one BAD_USER_INPUT error listing every wrong field by its path.
 */
export class InputValidationPipe implements PipeTransform {
  private readonly classes = createClassValidationPipe();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only GraphQL arguments get the text rules: not @Parent() objects, @CurrentActor() or the context.
    const isArgument = metadata.type === GRAPHQL_ARGS;
    const path = metadata.data ?? 'input';
    const malformed = isArgument ? malformedText(value, path) : {};
    if (Object.keys(malformed).length > 0) throw refuse(malformed);
    const transformed: unknown = await this.classes.transform(value, metadata);
    if (!isArgument) return transformed;
    const problems = textProblems(transformed, path);
    if (Object.keys(problems).length > 0) throw refuse(problems);
    return transformed;
  }
}

export function createValidationPipe(): InputValidationPipe {
  return new InputValidationPipe();
}

function createClassValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => refuse(collect(errors, 'input', {})),
  });
}
