export * from './roles';
export * from './identity-rules';
export * from './hiring';
export * from './interview-plan';
