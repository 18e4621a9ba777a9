import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ArgumentsHost } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { DomainExceptionFilter } from '../../common/errors/domain-exception.filter';
import { loadConfig } from '../app-config';
import { loggerParams, requestLine, setRequestLogFields } from '../logging';

function request(url = '/graphql'): IncomingMessage {
  return { method: 'POST', url, headers: {} } as IncomingMessage;
}
const ok = { statusCode: 200 } as ServerResponse;

function pinoHttp(env: 'development' | 'test' | 'production') {
  const params = loggerParams({ env, logLevel: 'info' }, 'api');
  return params.pinoHttp as Exclude<typeof params.pinoHttp, unknown[] | undefined> & Record<string, any>;
}

describe('logging configuration', () => {
  it('writes pretty single lines through pino-pretty in development', () => {
    const options = pinoHttp('development');
    expect(options.transport).toMatchObject({ options: { singleLine: true } });
    expect(options.transport.target).toBe(require.resolve('pino-pretty'));
  });

  it('writes JSON in production and in tests', () => {
    expect(pinoHttp('production').transport).toBeUndefined();
    expect(pinoHttp('test').transport).toBeUndefined();
  });

  it('logs no request or response headers, so no token or cookie reaches the logs', () => {
    const options = pinoHttp('production');
    const raw = {
      id: 'r-1',
      method: 'POST',
      url: '/graphql',
      headers: { authorization: 'Bearer secret-token', cookie: 'ip_refresh=secret' },
      socket: { remoteAddress: '203.0.113.9' },
    };
    expect(options.serializers.req(raw)).toEqual({
      id: 'r-1',
      method: 'POST',
      url: '/graphql',
      remoteAddress: '203.0.113.9',
    });
    const response = { statusCode: 200, getHeaders: () => ({ 'set-cookie': 'ip_refresh=secret' }) };
    expect(options.serializers.res(response)).toEqual({ statusCode: 200 });
  });

  it('uses the configured environment (NODE_ENV) and level', () => {
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'debug' });
    const options = loggerParams(config, 'worker').pinoHttp as Record<string, any>;
    expect(options.level).toBe('debug');
    expect(options.transport?.target).toBe(require.resolve('pino-pretty'));
  });

  it('puts the GraphQL operation, user and outcome on the access line', () => {
    const options = pinoHttp('production');
    const req = request();
    expect(options.customProps(req, ok)).toEqual({});
    setRequestLogFields(req, { operationName: 'WhoAmI', userId: 'u-1', outcome: 'OK' });
    expect(options.customProps(req, ok)).toEqual({ operationName: 'WhoAmI', userId: 'u-1', outcome: 'OK' });
    expect(options.customSuccessMessage(req, ok, 12)).toBe('POST /graphql 200 WhoAmI OK 12ms');
    expect(requestLine(request('/health/ready'), ok, 3)).toBe('POST /health/ready 200 3ms');
  });

  it('logs client errors at info and unexpected ones at error', () => {
    const { customLogLevel } = pinoHttp('production');
    const withOutcome = (outcome: string) => {
      const req = request();
      setRequestLogFields(req, { operationName: null, userId: null, outcome });
      return req;
    };
    for (const code of [
      'OK',
      'BAD_USER_INPUT',
      'NOT_FOUND',
      'FORBIDDEN',
      'UNAUTHENTICATED',
      'CONFLICT',
      'RATE_LIMITED',
    ]) {
      expect(customLogLevel(withOutcome(code), ok)).toBe('info');
    }
    expect(customLogLevel(withOutcome('INTERNAL_SERVER_ERROR'), ok)).toBe('error');
    expect(customLogLevel(request(), { statusCode: 500 } as ServerResponse)).toBe('error');
  });

  it('hands database errors to the GraphQL formatter instead of letting Nest log them with their SQL', () => {
    const error = new UniqueConstraintViolationException(new Error('insert into "skill" ... duplicate key'));
    const graphql = { getType: () => 'graphql' } as unknown as ArgumentsHost;
    expect(new DomainExceptionFilter().catch(error, graphql)).toBe(error);
    const unexpected = new Error('boom');
    expect(new DomainExceptionFilter().catch(unexpected, graphql)).toBe(unexpected);
  });
});
