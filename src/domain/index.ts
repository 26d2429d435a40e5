export * from './model';
export * from './audit';
export * from './result';
export * from './time';
export * from './rules';
export * from './departments';
