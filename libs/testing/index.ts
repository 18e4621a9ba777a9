export * from './database';
export * from './factories';
export * from './service-context';
export * from './test-api';
export * from './test-environment';
export * from './operations';
export * from './scenarios';
