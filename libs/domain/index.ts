export * from './roles';
export * from './identity-rules';
export * from './hiring';
export * from './interview-plan';
export * from './application-pipeline';
export * from './interview-slots';
export * from './skill-verification';
export * from './scoring';
