export * from './auth';
export * from './progress';
export * from './security';
export * from './relations';
