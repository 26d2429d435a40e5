export * from './book-meeting';
export * from './consent';
export * from './errors';
export * from './in-meeting';
export * from './leader-review';
export * from './minutes';
export * from './pathways';
export * from './services';
