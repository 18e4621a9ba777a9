export * from './roles';
export * from './identity-rules';
