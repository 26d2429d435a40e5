export * from './agenda';
export * from './booking';
export * from './citizen-invited';
export * from './decision-mandate';
export * from './mandatory-attendance';
export * from './meeting-window';
export * from './minutes';
export * from './sensitive-data';
