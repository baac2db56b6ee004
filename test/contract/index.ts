/**
 * Every port's contract suite. An adapter set's test file calls runStoreContracts with its factory; adding
 * a port means adding its suite here, and every adapter runs it.
 */
import { claimsContract } from './claims.contract.ts';
import { contextContract } from './context.contract.ts';
import { coordinationContract } from './coordination.contract.ts';
import { dedupeContract } from './dedupe.contract.ts';
import type { StoresFactory } from './factory.ts';
import { feedbackContract } from './feedback.contract.ts';
import { installationsContract } from './installations.contract.ts';
import { stepsContract } from './steps.contract.ts';
import { trackersContract } from './trackers.contract.ts';

export type { StoresFactory, StoresUnderTest } from './factory.ts';

export const STORE_CONTRACTS: ReadonlyArray<(factory: StoresFactory) => void> = [
  trackersContract,
  stepsContract,
  claimsContract,
  feedbackContract,
  dedupeContract,
  contextContract,
  coordinationContract,
  installationsContract,
];

export function runStoreContracts(factory: StoresFactory): void {
  for (const contract of STORE_CONTRACTS) contract(factory);
}
