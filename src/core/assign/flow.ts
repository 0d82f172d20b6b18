/**
 * Minimum-cost maximum flow by the primal-dual method (Ahuja, Magnanti & Orlin,
 * "Network Flows", 1993, §9.8): Dijkstra on reduced costs gives node potentials, then a
 * blocking flow (Dinic) on the edges of zero reduced cost pushes every shortest
 * augmenting path of that length at once. Costs must be non-negative integers, which
 * keeps "zero reduced cost" exact; the result is a maximum flow of least total cost.
 *
 * Assignment networks have few distinct path lengths (fits take few values), so the
 * number of Dijkstra rounds stays small even when tens of thousands of units flow.
 */
export class FlowNetwork {
  private nodeCount = 0;
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];
  private flow: Float64Array = new Float64Array(0);

  addNode(): number {
    return this.nodeCount++;
  }

  /** Adds an edge and its residual twin; returns the edge's id for `flowOn`. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (!Number.isInteger(cost) || cost < 0) throw new Error(`flow edge cost must be a non-negative integer, got ${cost}`);
    const id = this.to.length;
    this.from.push(from, to);
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.cost.push(cost, -cost);
    return id;
  }

  flowOn(edge: number): number {
    return this.flow[edge];
  }

  /** Sends as much flow as possible from source to sink at the least cost. */
  solve(source: number, sink: number): { flow: number; cost: number } {
    const n = this.nodeCount;
    const m = this.to.length;
    const to = Int32Array.from(this.to);
    const cost = Float64Array.from(this.cost);
    const residual = Float64Array.from(this.capacity);
    this.flow = new Float64Array(m);

    // Edges grouped by tail (compressed rows), so scans touch contiguous memory.
    const start = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) start[this.from[e] + 1]++;
    for (let v = 0; v < n; v++) start[v + 1] += start[v];
    const order = new Int32Array(m);
    const fill = start.slice(0, n);
    for (let e = 0; e < m; e++) order[fill[this.from[e]]++] = e;

    const potential = new Float64Array(n);
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const cursor = new Int32Array(n);
    const heap = new MinHeap(m + n);
    let total = 0;
    let totalCost = 0;

    const reduced = (e: number, u: number): number => cost[e] + potential[u] - potential[to[e]];

    for (;;) {
      dist.fill(Infinity);
      dist[source] = 0;
      heap.push(0, source);
      while (heap.size > 0) {
        const d = heap.topKey();
        const u = heap.pop();
        if (d > dist[u]) continue;
        for (let k = start[u]; k < start[u + 1]; k++) {
          const e = order[k];
          if (residual[e] <= 0) continue;
          const v = to[e];
          const nd = d + reduced(e, u);
          if (nd < dist[v]) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      const reach = dist[sink];
      if (reach === Infinity) break;
      for (let v = 0; v < n; v++) potential[v] += Math.min(dist[v], reach);

      // Blocking flows over the admissible edges (residual, zero reduced cost).
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        const queue = [source];
        for (let q = 0; q < queue.length; q++) {
          const u = queue[q];
          for (let k = start[u]; k < start[u + 1]; k++) {
            const e = order[k];
            const v = to[e];
            if (residual[e] > 0 && level[v] < 0 && reduced(e, u) === 0) {
              level[v] = level[u] + 1;
              queue.push(v);
            }
          }
        }
        if (level[sink] < 0) break;
        cursor.set(start.subarray(0, n));
        const push = (u: number, limit: number): number => {
          if (u === sink) return limit;
          for (; cursor[u] < start[u + 1]; cursor[u]++) {
            const e = order[cursor[u]];
            const v = to[e];
            if (residual[e] <= 0 || level[v] !== level[u] + 1 || reduced(e, u) !== 0) continue;
            const sent = push(v, Math.min(limit, residual[e]));
            if (sent > 0) {
              residual[e] -= sent;
              residual[e ^ 1] += sent;
              this.flow[e] += sent;
              this.flow[e ^ 1] -= sent;
              return sent;
            }
          }
          return 0;
        };
        for (let sent = push(source, Infinity); sent > 0; sent = push(source, Infinity)) {
          total += sent;
          totalCost += sent * (potential[sink] - potential[source]);
        }
      }
    }
    return { flow: total, cost: totalCost };
  }
}

/** A binary heap of (key, node) pairs with lazy deletion, in typed arrays. */
class MinHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity + 1);
    this.nodes = new Int32Array(capacity + 1);
  }

  push(key: number, node: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[i] = this.keys[parent];
      this.nodes[i] = this.nodes[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  topKey(): number {
    return this.keys[0];
  }

  pop(): number {
    const top = this.nodes[0];
    const key = this.keys[--this.size];
    const node = this.nodes[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.keys[i] = this.keys[child];
      this.nodes[i] = this.nodes[child];
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
}
