import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import type { AppConfig } from './app-config';

/** What a GraphQL request adds to its access line (set by RequestLogPlugin, read when the response is sent). */
export interface RequestLogFields {
  operationName: string | null;
  userId: string | null;
  /** `OK`, or the `extensions.code` of the response's first error. */
  outcome: string;
}

const FIELDS = Symbol('requestLogFields');

type WithFields = IncomingMessage & { [FIELDS]?: RequestLogFields };

/** Stores the fields on the raw Node request that pino-http logs at the end. */
export function setRequestLogFields(request: IncomingMessage, fields: RequestLogFields): void {
  (request as WithFields)[FIELDS] = fields;
}

export function requestLogFields(request: IncomingMessage): RequestLogFields | undefined {
  return (request as WithFields)[FIELDS];
}

function fullUrl(request: IncomingMessage): string {
  return (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '';
}

/** What an access line says of the request: its id, method, URL and client address; no headers. */
export function requestSummary(request: IncomingMessage & { id?: unknown }) {
  return {
    id: request.id,
    method: request.method,
    url: fullUrl(request),
    remoteAddress: request.socket?.remoteAddress,
  };
}

/** What an access line says of the response: its status code; no headers. */
export function responseSummary(response: ServerResponse) {
  return { statusCode: response.statusCode };
}

/** `POST /graphql 200 login OK 12ms` (operation and outcome only for GraphQL requests). */
export function requestLine(request: IncomingMessage, response: ServerResponse, responseTime?: number): string {
  const fields = requestLogFields(request);
  const graphql = fields ? ` ${fields.operationName ?? '(anonymous)'} ${fields.outcome}` : '';
  const time = responseTime === undefined ? '' : ` ${responseTime}ms`;
  return `${request.method} ${fullUrl(request)} ${response.statusCode}${graphql}${time}`;
}

/**
 * The pino and pino-http options of both processes. Production and tests write JSON lines; development
 * writes one coloured line per entry through pino-pretty (run in a worker thread by pino).
 */
export function loggerParams(config: Pick<AppConfig, 'env' | 'logLevel'>, processName: 'api' | 'worker'): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { process: processName, pid: process.pid },
      // The access line names the request, never its headers: no bearer token, cookie or
      // refresh-token cookie can reach the logs, and no per-request redaction pass is needed.
      wrapSerializers: false,
      serializers: { req: requestSummary, res: responseSummary, err: stdSerializers.err },
      // Under Fastify the middleware sees `url` relative to where it is mounted; `originalUrl` is the full one.
      autoLogging: { ignore: (request) => fullUrl(request).startsWith('/health') },
      // Read when the response is finished, so the GraphQL fields are known by then.
      customProps: (request) => ({ ...requestLogFields(request) }),
      customSuccessMessage: requestLine,
      customErrorMessage: (request, response) => requestLine(request, response),
      // A request whose operation failed unexpectedly is an error; one refused for the caller's fault is not.
      customLogLevel: (request, response, error) => {
        if (error || response.statusCode >= 500) return 'error';
        return requestLogFields(request)?.outcome === 'INTERNAL_SERVER_ERROR' ? 'error' : 'info';
      },
      transport: config.env === 'development' ? prettyTransport() : undefined,
    },
  };
}

/** One line per entry: time, level, message (and the user of a request); request and response objects are left out. */
export function prettyTransport(): { target: string; options: Record<string, unknown> } {
  return {
    // Resolved here: pino would otherwise look for it next to the file that created the logger.
    target: require.resolve('pino-pretty'),
    options: {
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,process,context,req,res,responseTime,operationName,outcome,userId',
      messageFormat: '{if context}[{context}] {end}{msg}{if userId} user={userId}{end}',
    },
  };
}
