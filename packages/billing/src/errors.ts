/**
 * The one error type the billing domain throws. `code` is a stable, machine-readable
 * identifier the BFF maps to an HTTP error body; `details` carries JSON-safe context
 * (money is always given as a decimal string, never a float, R1.2).
 */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
