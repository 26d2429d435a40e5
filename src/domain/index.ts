export * from './model';
export * from './result';
export * from './time';
export * from './rules';
