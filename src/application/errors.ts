import type { Violation } from '../domain/result';

/** A use case refused because the domain's rules object; the UI explains each violation. */
export class RuleViolationError extends Error {
  constructor(readonly violations: Violation[]) {
    super(`refused by rules: ${violations.map((v) => v.code).join(', ')}`);
    this.name = 'RuleViolationError';
  }
}
