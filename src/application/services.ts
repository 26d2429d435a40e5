export type { Services } from '../ports/services';
