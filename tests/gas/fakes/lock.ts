/**
 * LockService.getDocumentLock(): one lock per document, shared by every execution of the
 * environment. Another execution can hold it (`LockTable.holdFor`), optionally letting go
 * after some fake milliseconds; a waiting tryLock/waitLock advances the fake clock by the
 * time it waited, so "waits briefly, then answers" is deterministic. Locks an execution
 * still holds are released when it ends, as Apps Script releases them when a script ends.
 */
import type { Host } from './host.js';
import { expose } from './surface.js';

type Lock = GoogleAppsScript.Lock.Lock;
type LockService = GoogleAppsScript.Lock.LockService;

const LOCK_MEMBERS = ['tryLock', 'waitLock', 'releaseLock', 'hasLock'] as const satisfies readonly (keyof Lock)[];
const SERVICE_MEMBERS = ['getDocumentLock'] as const satisfies readonly (keyof LockService)[];

interface Holder {
  readonly executionId: number;
  /** Fake time at which the holder lets go by itself; null: only when released. */
  readonly until: number | null;
}

export interface HeldLock {
  release(): void;
}

export class LockTable {
  private readonly holders = new Map<string, Holder>();

  constructor(private readonly host: Host) {}

  holder(documentId: string): Holder | undefined {
    const holder = this.holders.get(documentId);
    if (holder?.until != null && holder.until <= this.host.clock.now()) {
      this.holders.delete(documentId);
      return undefined;
    }
    return holder;
  }

  /** Another execution takes the document lock (a test's simulated concurrent run). */
  holdFor(documentId: string, executionId: number, releaseAfterMs: number | null): HeldLock {
    if (this.holder(documentId)) throw new Error(`the document lock of ${documentId} is already held`);
    const holder = { executionId, until: releaseAfterMs === null ? null : this.host.clock.now() + releaseAfterMs };
    this.holders.set(documentId, holder);
    return { release: () => this.holders.get(documentId) === holder && this.holders.delete(documentId) };
  }

  acquire(documentId: string, executionId: number, timeoutMs: number): boolean {
    const holder = this.holder(documentId);
    if (holder && holder.executionId !== executionId) {
      const clock = this.host.clock;
      if (holder.until === null || holder.until > clock.now() + timeoutMs) {
        clock.advance(Math.max(0, timeoutMs));
        return false;
      }
      clock.advance(holder.until - clock.now());
      this.holders.delete(documentId);
    }
    this.holders.set(documentId, { executionId, until: null });
    return true;
  }

  release(documentId: string, executionId: number): void {
    if (this.holder(documentId)?.executionId === executionId) this.holders.delete(documentId);
  }

  releaseAllOf(executionId: number): void {
    for (const [documentId, holder] of this.holders) if (holder.executionId === executionId) this.holders.delete(documentId);
  }
}

class FakeLock implements Pick<Lock, (typeof LOCK_MEMBERS)[number]> {
  constructor(private readonly table: LockTable, private readonly documentId: string, private readonly executionId: number, private readonly host: Host) {}

  tryLock(timeoutInMillis: number): boolean {
    return this.table.acquire(this.documentId, this.executionId, timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) this.host.realm.fail('Lock timeout: another process was holding the lock for too long.');
  }

  releaseLock(): void {
    this.table.release(this.documentId, this.executionId);
  }

  hasLock(): boolean {
    return this.table.holder(this.documentId)?.executionId === this.executionId;
  }
}

export class FakeLockService implements Pick<LockService, (typeof SERVICE_MEMBERS)[number]> {
  readonly proxy: LockService;

  constructor(private readonly host: Host, private readonly table: LockTable) {
    this.proxy = expose<LockService>(this, 'LockService', SERVICE_MEMBERS, host);
  }

  /** Null outside a document (the reference: "null if called from a standalone script or web app"). */
  getDocumentLock(): Lock {
    this.host.requireAuthorization('LockService.getDocumentLock', 'services');
    const execution = this.host.execution();
    if (execution.documentId === null || this.host.platform.documentLock === 'null') return null as unknown as Lock;
    return expose<Lock>(new FakeLock(this.table, execution.documentId, execution.id, this.host), 'Lock', LOCK_MEMBERS, this.host);
  }
}
