import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputException, type FieldErrors } from './errors/domain.exception';

function collect(errors: ValidationError[], prefix: string, into: FieldErrors): FieldErrors {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) into[path] = messages.join('; ');
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

/**
 * Validates GraphQL inputs (class-validator decorators on input classes). A failure is one
 * BAD_USER_INPUT error listing every wrong field as `input.<path>`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = collect(errors, 'input', {});
      const list = Object.entries(fields)
        .map(([path, message]) => `${path} ${message}`)
        .join('; ');
      return new BadUserInputException(`Invalid input: ${list}.`, fields);
    },
  });
}
