import type { RequestCounter } from '../types';

export class Requests implements RequestCounter {
  private readonly counts = new Map<string, number>();
  private total = 0;

  record(operation: string): void {
    this.total++;
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  count(operation?: string): number {
    return operation === undefined ? this.total : (this.counts.get(operation) ?? 0);
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
  }
}
