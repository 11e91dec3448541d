export * from './auth';
export * from './cohorts';
export * from './progress';
export * from './notes';
export * from './quiz';
export * from './security';
export * from './relations';
export * from './labs';
