import { DeadlockException, DriverException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { ForbiddenException as HttpForbidden } from '@nestjs/common';
import { BadUserInputException, ConflictException } from '../../common/errors/domain.exception';
import { formatGraphQLError } from '../format-error';

const formatted = (code?: string) => ({
  message: 'raw',
  path: ['x'],
  extensions: code ? { code, stacktrace: ['at secret'] } : {},
});
const thrown = (original: Error) => new GraphQLError('raw', { originalError: original });

describe('formatGraphQLError', () => {
  it('passes domain errors through with their code, fields and details', () => {
    const input = formatGraphQLError(
      formatted('INTERNAL_SERVER_ERROR'),
      thrown(new BadUserInputException('Fix it.', { 'input.a': 'bad' })),
    );
    expect(input).toEqual({
      message: 'Fix it.',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', fields: { 'input.a': 'bad' } },
    });
    const conflict = formatGraphQLError(formatted(), thrown(new ConflictException('Taken.', { existingId: '42' })));
    expect(conflict.extensions).toEqual({ code: 'CONFLICT', existingId: '42' });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(formatGraphQLError(formatted(), thrown(new HttpForbidden('no'))).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('reports variable errors as BAD_USER_INPUT with the field path', () => {
    const result = formatGraphQLError(
      {
        message: 'Variable "$input" got invalid value 3 at "input.name"; String cannot represent a non string value: 3',
        extensions: { code: 'BAD_USER_INPUT' },
      },
      new GraphQLError('String cannot represent a non string value: 3'),
    );
    expect(result.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: { 'input.name': 'String cannot represent a non string value: 3' },
    });
  });

  it('hides unexpected errors behind INTERNAL_SERVER_ERROR without details', () => {
    const result = formatGraphQLError(
      formatted('INTERNAL_SERVER_ERROR'),
      thrown(new Error('relation "secret_table" does not exist')),
    );
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(result)).not.toContain('secret');
  });
});

describe('formatGraphQLError for database errors', () => {
  it('reports a malformed id as BAD_USER_INPUT and a deadlock as CONFLICT', () => {
    const malformed = Object.assign(new DriverException(new Error('invalid input syntax for type uuid: "x"')), {
      code: '22P02',
    });
    expect(formatGraphQLError(formatted(), thrown(malformed)).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: {},
    });
    const deadlock = new DeadlockException(new Error('deadlock detected'));
    expect(formatGraphQLError(formatted(), thrown(deadlock)).extensions).toEqual({ code: 'CONFLICT' });
  });
});
